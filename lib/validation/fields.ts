import { z } from "zod";
import { ROLES } from "../auth/roles";

export const personName = z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(80, "Use at most 80 characters for your name");

export const email = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address, like name@example.com"))
  .transform((v) => v.toLowerCase());

export const id = (what: string) => z.uuid({ error: `Unknown ${what}` });

export const role = z.enum(ROLES, { error: "Choose a role: owner, admin, member or viewer" });

type WholeNumberMessages = {
  /** Not a number at all, or not given when one is required. */
  invalid: string;
  /** A decimal fraction such as "2.5"; defaults to `invalid`. */
  fraction?: string;
  min: [number, string];
  max: [number, string];
};

const PLAIN_INTEGER = /^-?\d{1,15}$/;
const PLAIN_FRACTION = /^-?\d+\.\d+$/;

/**
 * A whole number typed into a form. Only plain decimal digits count: Number() would also take
 * "1e1", "0x5", " 7 " and "" (as 0), none of which a person typing into the field means.
 * Each wrong input gets exactly one message, the most specific one.
 */
export function wholeNumber({ invalid, fraction, min, max }: WholeNumberMessages) {
  return z.unknown().transform((input, ctx) => {
    const text = typeof input === "number" && Number.isInteger(input) ? String(input) : input;
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (typeof text !== "string" || !PLAIN_INTEGER.test(text)) {
      return fail(typeof text === "string" && PLAIN_FRACTION.test(text) ? (fraction ?? invalid) : invalid);
    }
    const value = Number(text);
    if (value < min[0]) return fail(min[1]);
    if (value > max[0]) return fail(max[1]);
    return value;
  });
}

/** A whole number that may be left blank: blank (or absent) means "not given". */
export const optionalWholeNumber = (messages: WholeNumberMessages) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), wholeNumber(messages).optional());

/** A whole number whose blank (or absent) field means `fallback`. */
export const wholeNumberOr = (fallback: number, messages: WholeNumberMessages) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? fallback : v), wholeNumber(messages));
