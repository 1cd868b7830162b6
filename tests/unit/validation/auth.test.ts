import { describe, expect, test } from "vitest";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { issuesOf, parsed } from "../support/zod";

const VALID_EMAIL_MESSAGE = "email: Enter a valid email address, like name@example.com";
const signUp = { name: "Ada Lovelace", email: "ada@example.com", password: "correct horse" };
const signIn = { email: "ada@example.com", password: "correct horse" };

// 243 + "@example.com" (12) = 255 characters, one over the limit.
const EMAIL_255 = "a".repeat(243) + "@example.com";
const EMAIL_254 = "a".repeat(242) + "@example.com";

describe("email (shared by sign-up and sign-in)", () => {
  test.each([
    { input: "ada@example.com", expected: "ada@example.com" },
    { input: "  Ada@Example.COM  ", expected: "ada@example.com" },
    { input: "\tGRACE.HOPPER+navy@Mail.Example.org\n", expected: "grace.hopper+navy@mail.example.org" },
    { input: EMAIL_254, expected: EMAIL_254 },
  ])("accepts $input as $expected", ({ input, expected }) => {
    expect(parsed(signUpSchema, { ...signUp, email: input }).email).toBe(expected);
    expect(parsed(signInSchema, { ...signIn, email: input }).email).toBe(expected);
  });

  test.each([
    { input: "", message: "email: Enter your email address" },
    { input: "   ", message: "email: Enter your email address" },
    { input: "ada", message: VALID_EMAIL_MESSAGE },
    { input: "ada@", message: VALID_EMAIL_MESSAGE },
    { input: "@example.com", message: VALID_EMAIL_MESSAGE },
    { input: "ada@example", message: VALID_EMAIL_MESSAGE },
    { input: "ada@@example.com", message: VALID_EMAIL_MESSAGE },
    { input: "ada lovelace@example.com", message: VALID_EMAIL_MESSAGE },
    { input: "ada@example..com", message: VALID_EMAIL_MESSAGE },
    { input: "<ada@example.com>", message: VALID_EMAIL_MESSAGE },
    { input: EMAIL_255, message: "email: That email address is too long" },
    { input: undefined, message: "email: Enter your email address" },
    { input: null, message: "email: Enter your email address" },
    { input: 42, message: "email: Enter your email address" },
    { input: { address: "ada@example.com" }, message: "email: Enter your email address" },
    { input: ["ada@example.com"], message: "email: Enter your email address" },
  ])("rejects $input with one message", ({ input, message }) => {
    expect(issuesOf(signUpSchema, { ...signUp, email: input })).toEqual([message]);
    expect(issuesOf(signInSchema, { ...signIn, email: input })).toEqual([message]);
  });
});

describe("signUpSchema", () => {
  test("parses a complete sign-up, trimming the name but never the password", () => {
    expect(parsed(signUpSchema, { name: "  Ada Lovelace ", email: " ADA@example.com", password: "  spaced  " })).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.com",
      password: "  spaced  ",
    });
  });

  test("drops fields it does not know", () => {
    expect(parsed(signUpSchema, { ...signUp, callbackUrl: "/teams", role: "owner" })).toEqual(signUp);
  });

  test("reports every missing field in form order", () => {
    expect(issuesOf(signUpSchema, {})).toEqual(["name: Enter your name", "email: Enter your email address", "password: Choose a password"]);
  });

  test.each([
    { name: "", message: "name: Enter your name" },
    { name: "   ", message: "name: Enter your name" },
    { name: "a".repeat(81), message: "name: Use at most 80 characters for your name" },
    { name: 42, message: "name: Enter your name" },
    { name: { first: "Ada" }, message: "name: Enter your name" },
    { name: null, message: "name: Enter your name" },
  ])("rejects name $name", ({ name, message }) => {
    expect(issuesOf(signUpSchema, { ...signUp, name })).toEqual([message]);
  });

  test.each(["A", "a".repeat(80), " " + "a".repeat(80) + " "])("accepts a name of length %#", (name) => {
    expect(parsed(signUpSchema, { ...signUp, name }).name).toBe(name.trim());
  });

  test.each([
    { password: "", message: "password: Use at least 8 characters" },
    { password: "1234567", message: "password: Use at least 8 characters" },
    { password: "a".repeat(201), message: "password: Use at most 200 characters for the password" },
    { password: 12345678, message: "password: Choose a password" },
    { password: { value: "12345678" }, message: "password: Choose a password" },
  ])("rejects password $password", ({ password, message }) => {
    expect(issuesOf(signUpSchema, { ...signUp, password })).toEqual([message]);
  });

  test.each(["12345678", "a".repeat(200)])("accepts a password of length %#", (password) => {
    expect(parsed(signUpSchema, { ...signUp, password }).password).toBe(password);
  });
});

describe("signInSchema", () => {
  test("parses a sign-in without touching the password", () => {
    expect(parsed(signInSchema, { email: " Ada@Example.com ", password: " x " })).toEqual({ email: "ada@example.com", password: " x " });
  });

  test.each([
    { password: undefined, message: "password: Enter your password" },
    { password: "", message: "password: Enter your password" },
    { password: "a".repeat(201), message: "password: That password is too long" },
    { password: 1234, message: "password: Enter your password" },
  ])("rejects password $password", ({ password, message }) => {
    expect(issuesOf(signInSchema, { ...signIn, password })).toEqual([message]);
  });

  // No sign-up minimum here: accounts made under older password rules must still get in.
  test.each(["x", "a".repeat(200)])("accepts a password of length %#", (password) => {
    expect(parsed(signInSchema, { ...signIn, password }).password).toBe(password);
  });
});
