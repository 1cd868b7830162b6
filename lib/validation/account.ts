import { z } from "zod";
import { PASSWORD_MIN } from "./auth";
import { isTimeZone } from "../domain/time-format";
import { id } from "./fields";

const PASSWORD_MAX = 200;

const newPasswordFields = {
  newPassword: z
    .string({ error: "Choose a new password" })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters for the password`),
  confirmPassword: z.string({ error: "Type the new password again" }).min(1, "Type the new password again").max(PASSWORD_MAX, "That password is too long"),
};
const PASSWORDS_DIFFER = { path: ["confirmPassword"], message: "The two new passwords do not match" };

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(PASSWORD_MAX, "That password is too long"),
    ...newPasswordFields,
  })
  .refine((v) => v.confirmPassword === v.newPassword, PASSWORDS_DIFFER)
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The new password chosen from an emailed link: the link stands in for the current one. */
export const resetPasswordSchema = z.object(newPasswordFields).refine((v) => v.confirmPassword === v.newPassword, PASSWORDS_DIFFER);

export const revokeSessionSchema = z.object({ sessionId: id("session") });

/** An IANA zone from the list, or "" to follow the browser's (stored as null). */
export const timeZoneSchema = z.object({
  timeZone: z
    .string({ error: "Choose a time zone" })
    .max(64, "Choose a time zone from the list")
    .refine((zone) => zone === "" || isTimeZone(zone), "Choose a time zone from the list")
    .transform((zone) => zone || null),
});
