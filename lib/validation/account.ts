import { z } from "zod";
import { PASSWORD_MIN } from "./auth";
import { id } from "./fields";

const PASSWORD_MAX = 200;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(PASSWORD_MAX, "That password is too long"),
    newPassword: z
      .string({ error: "Choose a new password" })
      .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
      .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters for the password`),
    confirmPassword: z.string({ error: "Type the new password again" }).min(1, "Type the new password again").max(PASSWORD_MAX, "That password is too long"),
  })
  .refine((v) => v.confirmPassword === v.newPassword, { path: ["confirmPassword"], message: "The two new passwords do not match" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const revokeSessionSchema = z.object({ sessionId: id("session") });
