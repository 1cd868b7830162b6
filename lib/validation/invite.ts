import { z } from "zod";
import { id, optionalWholeNumber, role, wholeNumberOr } from "./fields";
import { INVITE_DEFAULT_DAYS, INVITE_MAX_DAYS } from "./limits";

export { INVITE_DEFAULT_DAYS, INVITE_MAX_DAYS };

export const createInviteSchema = z.object({
  teamId: id("team"),
  role,
  expiresInDays: wholeNumberOr(INVITE_DEFAULT_DAYS, {
    invalid: "Enter a number of days",
    fraction: "Use a whole number of days",
    min: [1, "An invite must last at least 1 day"],
    max: [INVITE_MAX_DAYS, `An invite can last at most ${INVITE_MAX_DAYS} days`],
  }),
  maxUses: optionalWholeNumber({
    invalid: "Enter a number of uses, or leave it blank for no limit",
    fraction: "Use a whole number",
    min: [1, "Allow at least 1 use, or leave it blank for no limit"],
    max: [1000, "At most 1000 uses"],
  }),
});
export type CreateInviteInput = z.infer<typeof createInviteSchema>;

export const revokeInviteSchema = z.object({ teamId: id("team"), inviteId: id("invite") });

export const regenerateInviteSchema = z.object({ teamId: id("team"), inviteId: id("invite") });
