import { describe, expect, test } from "vitest";
import { SENT_NOTIFICATION_KINDS } from "../../../lib/domain/notifications";
import { markAllReadSchema, notificationSettingsSchema, openNotificationSchema } from "../../../lib/validation/notifications";

const all = (choice: string) => ({ email: Object.fromEntries(SENT_NOTIFICATION_KINDS.map((k) => [k, choice])) });

describe("notification forms", () => {
  test("opening takes a positive whole id and nothing else", () => {
    expect(openNotificationSchema.parse({ id: "12" })).toEqual({ id: 12 });
    for (const id of ["0", "-1", "1.5", "1e3", "", "x"]) expect(openNotificationSchema.safeParse({ id }).success).toBe(false);
    expect(openNotificationSchema.safeParse({ id: "1", userId: "someone" }).success).toBe(false);
    expect(markAllReadSchema.safeParse({ userId: "someone" }).success).toBe(false);
  });

  test("settings need every kind, reminders included, each in the app only or also by email, and no other field", () => {
    expect(notificationSettingsSchema.parse(all("email")).email.scoring_opened).toBe("email");
    expect(notificationSettingsSchema.parse(all("email")).email.deadline_soon).toBe("email");
    expect(notificationSettingsSchema.safeParse(all("sms")).success).toBe(false);
    expect(notificationSettingsSchema.safeParse({ email: { ...all("app").email, reminders: "email" } }).success).toBe(false);
    const { scoring_opened: _left, ...partial } = all("app").email;
    expect(notificationSettingsSchema.safeParse({ email: partial }).success).toBe(false);
    expect(notificationSettingsSchema.safeParse({ ...all("app"), extra: "1" }).success).toBe(false);
  });
});
