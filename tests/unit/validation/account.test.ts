import { describe, expect, test } from "vitest";
import { changePasswordSchema, revokeSessionSchema } from "@/lib/validation/account";
import { fieldErrorsOf } from "@/lib/validation/form-data";

// The form shows the first message per field, as here.
const errorsOf = (input: unknown) => {
  const result = changePasswordSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe("changePasswordSchema", () => {
  test("accepts a new password typed twice", () => {
    expect(changePasswordSchema.parse({ currentPassword: "old one", newPassword: "brand new pass", confirmPassword: "brand new pass" })).toEqual({
      currentPassword: "old one",
      newPassword: "brand new pass",
      confirmPassword: "brand new pass",
    });
  });

  test.each([
    {
      name: "nothing",
      input: {},
      errors: { currentPassword: "Enter your current password", newPassword: "Choose a new password", confirmPassword: "Type the new password again" },
    },
    {
      name: "blanks",
      input: { currentPassword: "", newPassword: "", confirmPassword: "" },
      errors: { currentPassword: "Enter your current password", newPassword: "Use at least 8 characters", confirmPassword: "Type the new password again" },
    },
    {
      name: "a short new password",
      input: { currentPassword: "old", newPassword: "short", confirmPassword: "short" },
      errors: { newPassword: "Use at least 8 characters" },
    },
    {
      name: "a mismatch",
      input: { currentPassword: "old", newPassword: "long enough", confirmPassword: "long enougH" },
      errors: { confirmPassword: "The two new passwords do not match" },
    },
    {
      name: "the same password again",
      input: { currentPassword: "same password", newPassword: "same password", confirmPassword: "same password" },
      errors: { newPassword: "Choose a password different from the current one" },
    },
    {
      name: "a huge password",
      input: { currentPassword: "x".repeat(201), newPassword: "y".repeat(201), confirmPassword: "y".repeat(201) },
      errors: {
        currentPassword: "That password is too long",
        newPassword: "Use at most 200 characters for the password",
        confirmPassword: "That password is too long",
      },
    },
    {
      name: "arrays and objects",
      input: { currentPassword: ["a"], newPassword: { x: 1 }, confirmPassword: 7 },
      errors: { currentPassword: "Enter your current password", newPassword: "Choose a new password", confirmPassword: "Type the new password again" },
    },
  ])("refuses $name with a message per field", ({ input, errors }) => {
    expect(errorsOf(input)).toEqual(errors);
  });
});

describe("revokeSessionSchema", () => {
  test("takes a session id and refuses anything else", () => {
    expect(revokeSessionSchema.safeParse({ sessionId: "8d3c6f2e-6a55-4c39-9f61-0b3f4b1d2a77" }).success).toBe(true);
    expect(revokeSessionSchema.safeParse({ sessionId: "../other" }).success).toBe(false);
  });
});
