import { z } from "zod";
import { ROLES } from "../auth/roles";

export const personName = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(80, "Use at most 80 characters for your name");

export const email = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address, like name@example.com"))
  .transform((v) => v.toLowerCase());

export const id = (what: string) => z.uuid({ error: `Unknown ${what}` });

export const role = z.enum(ROLES, { error: "Choose a role: owner, admin, member or viewer" });

/** An optional number from a form field: blank means "not set". */
export const optionalInt = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : Number(v)), schema.optional());
