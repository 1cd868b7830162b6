import { customType, timestamp } from "drizzle-orm/pg-core";

/** A 64-bit transaction id, which never wraps; read as its decimal text. */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

/**
 * A recorded decision's review (issue 12, part 3): when the team looks back on the choice, and when
 * the worker announced that the day had come (null until then, and again after the date is moved).
 */
export const reviewDateColumns = () => ({
  reviewDueAt: timestamp("review_due_at", { withTimezone: true }),
  reviewAnnouncedAt: timestamp("review_announced_at", { withTimezone: true }),
});
