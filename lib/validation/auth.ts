import { z } from "zod";
import { email, personName } from "./fields";
import { PASSWORD_MIN } from "./limits";

export { PASSWORD_MIN };

export const signUpSchema = z.object({
  name: personName,
  email,
  password: z
    .string({ error: "Choose a password" })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
    .max(200, "Use at most 200 characters for the password"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(200, "That password is too long"),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const forgotPasswordSchema = z.object({ email });
