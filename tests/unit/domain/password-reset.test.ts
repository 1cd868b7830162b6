import { describe, expect, test } from "vitest";
import {
  mayAskForAnotherLink,
  passwordChangedEmail,
  passwordResetEmail,
  RESET_LINKS_PER_ADDRESS,
  RESET_LINKS_PER_WINDOW,
  resetLinkExpiry,
  resetWindowStart,
} from "../../../lib/domain/password-reset";

describe("password reset links", () => {
  test("a link works for an hour, and the count of links sent looks back an hour", () => {
    const now = new Date("2030-01-01T10:00:00Z");
    expect(resetLinkExpiry(now).toISOString()).toBe("2030-01-01T11:00:00.000Z");
    expect(resetWindowStart(now).toISOString()).toBe("2030-01-01T09:00:00.000Z");
  });

  test(`up to ${RESET_LINKS_PER_WINDOW} links to an account in the window, then none`, () => {
    expect(Array.from({ length: RESET_LINKS_PER_WINDOW + 2 }, (_, sent) => mayAskForAnotherLink(sent))).toEqual([
      ...Array<boolean>(RESET_LINKS_PER_WINDOW).fill(true),
      false,
      false,
    ]);
  });

  test(`up to ${RESET_LINKS_PER_ADDRESS} links at one address's request in the window, whatever the accounts`, () => {
    expect(mayAskForAnotherLink(0, RESET_LINKS_PER_ADDRESS - 1)).toBe(true);
    expect(mayAskForAnotherLink(0, RESET_LINKS_PER_ADDRESS)).toBe(false);
  });

  test("the email carries the link in both parts, and escapes the name and the link in its HTML", () => {
    const url = "https://verdict.example/reset-password/abc?x=1&y=2";
    const mail = passwordResetEmail({ to: "ana@example.com", name: `<img src=x onerror="alert(1)">`, url });
    expect(mail).toMatchObject({ to: "ana@example.com", subject: "Choose a new Verdict password" });
    expect(mail.text).toContain(`Choose a new password: ${url}`);
    expect(mail.html).toContain(`href="https://verdict.example/reset-password/abc?x=1&amp;y=2"`);
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  test("the password-changed email says when, and how to take the account back, escaped in its HTML", () => {
    const mail = passwordChangedEmail({
      to: "ana@example.com",
      name: "Ana <b>",
      at: "1 Mar 2030, 09:03 UTC",
      resetUrl: "https://verdict.example/forgot-password",
    });
    expect(mail.subject).toBe("Your Verdict password was changed");
    expect(mail.text).toContain("was changed on 1 Mar 2030, 09:03 UTC.");
    expect(mail.text).toContain("https://verdict.example/forgot-password");
    expect(mail.html).toContain("Hello Ana &lt;b&gt;,");
    expect(mail.html).toContain('<a href="https://verdict.example/forgot-password">');
  });
});
