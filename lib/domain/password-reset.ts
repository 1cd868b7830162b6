import { escapeHtml, type EmailMessage } from "./notifications";

// Choosing a new password from a link sent by email: how long a link works, how many a person can
// be sent, that email, and the one that tells an owner their password changed. Pure: the caller
// gives the time, the address and the links.

/** Long enough to open the email; short enough that an old email in a mailbox opens nothing. */
export const RESET_LINK_MINUTES = 60;
/** Links sent to one account within RESET_WINDOW_MINUTES: enough for a lost email, too few to flood a mailbox. */
export const RESET_LINKS_PER_WINDOW = 3;
export const RESET_WINDOW_MINUTES = 60;
/** Links one client address may have sent, to any accounts, within the window: against one machine flooding many mailboxes. */
export const RESET_LINKS_PER_ADDRESS = 10;

export const RESET_REQUESTED_MESSAGE =
  "If an account uses that address, a link to choose a new password is on its way to it. The link works for an hour, once.";
export const RESET_LINK_UNUSABLE = "This link to choose a new password does not work any more: each link works once, for an hour. Ask for a new one.";

export function resetLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
}

/** Whether another link may be sent, given how many the account, and the asking address, were sent in the window before `now`. */
export function mayAskForAnotherLink(sentToAccount: number, sentForAddress = 0): boolean {
  return sentToAccount < RESET_LINKS_PER_WINDOW && sentForAddress < RESET_LINKS_PER_ADDRESS;
}

export function resetWindowStart(now: Date): Date {
  return new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000);
}

/** The email with the link, in plain text and HTML, every value escaped. */
export function passwordResetEmail(input: { to: string; name: string; url: string }): EmailMessage {
  const lines = [
    `Hello ${input.name},`,
    "",
    "Someone, probably you, asked to choose a new password for your Verdict account.",
    "",
    `Choose a new password: ${input.url}`,
    "",
    "The link works for an hour, once. If you did not ask, ignore this email: your password stays as it is.",
    "",
  ];
  const html = [
    `<p>Hello ${escapeHtml(input.name)},</p>`,
    "<p>Someone, probably you, asked to choose a new password for your Verdict account.</p>",
    `<p><a href="${escapeHtml(input.url)}">Choose a new password</a></p>`,
    "<p>The link works for an hour, once. If you did not ask, ignore this email: your password stays as it is.</p>",
  ].join("\n");
  return { to: input.to, subject: "Choose a new Verdict password", text: lines.join("\n"), html };
}

/**
 * The email that tells an account's owner their password changed (`at`, written out), so someone
 * who did not change it learns of it and can take the account back (`resetUrl`).
 */
export function passwordChangedEmail(input: { to: string; name: string; at: string; resetUrl: string }): EmailMessage {
  const unexpected = "If you did not change it, someone else knows a way into your account: choose a new password now, which signs every session out.";
  const text = [`Hello ${input.name},`, "", `The password of your Verdict account was changed on ${input.at}.`, "", `${unexpected} ${input.resetUrl}`, ""].join(
    "\n",
  );
  const html = [
    `<p>Hello ${escapeHtml(input.name)},</p>`,
    `<p>The password of your Verdict account was changed on ${escapeHtml(input.at)}.</p>`,
    `<p>${escapeHtml(unexpected)} <a href="${escapeHtml(input.resetUrl)}">Choose a new password</a></p>`,
  ].join("\n");
  return { to: input.to, subject: "Your Verdict password was changed", text, html };
}
