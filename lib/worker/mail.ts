import "server-only";
import nodemailer from "nodemailer";
import type { Db } from "../../db/client";
import { findNotificationForEmail, keepDevMail } from "../../db/queries/notifications";
import { findUserById } from "../../db/queries/users";
import { openResetToken } from "../auth/sealed-tokens";
import { passwordChangedEmail, passwordResetEmail } from "../domain/password-reset";
import { formatMoment } from "../domain/time-format";
import { type EmailMessage, notificationEmail } from "../domain/notifications";
import { env } from "../env";

export type Mailer = (message: EmailMessage) => Promise<void>;

/** The origin links in emails start with: AUTH_URL's, else this server's own address. */
export function mailOrigin(): string {
  const { AUTH_URL } = env();
  return AUTH_URL ? new URL(AUTH_URL).origin : `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * Sends through SMTP_URL when it is set. Without it, development keeps the mail for /dev/mailbox;
 * production says once that mail is off, and drops it (the notification is still in the app).
 */
export function configuredMailer(db: Db): Mailer {
  const { SMTP_URL, MAIL_FROM, NODE_ENV } = env();
  if (SMTP_URL) return smtpMailer(SMTP_URL, MAIL_FROM);
  if (NODE_ENV !== "production") return (message) => keepDevMail(db, message);
  let warned = false;
  return async () => {
    if (!warned) console.warn("[verdict] SMTP_URL is not set: notification emails are not sent");
    warned = true;
  };
}

/** Sends through the SMTP server at `url` (smtp:// or smtps://, with any user and password in it). */
export function smtpMailer(url: string, from: string): Mailer {
  // Well inside a job's one-minute lease, so a slow server cannot make a second worker send it again.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return async (message) => {
    await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
  };
}

/** The email job: the notification's email, to its person. A notification gone (account deleted) is nothing to send. */
export function emailJob(db: Db, mailer: Mailer, origin: string) {
  return async (payload: Record<string, unknown>) => {
    const id = Number(payload.notificationId);
    if (!Number.isSafeInteger(id)) throw new Error("The email job names no notification");
    const notification = await findNotificationForEmail(db, id);
    if (!notification) return;
    const url = new URL(notification.path, origin).toString();
    await mailer(notificationEmail({ to: notification.email, name: notification.name, title: notification.title, url }));
  };
}

/** The account a job about someone's password names (`userId`): null when it is gone, and there is nothing to send. */
async function payloadUser(db: Db, payload: Record<string, unknown>) {
  return typeof payload.userId === "string" ? findUserById(db, payload.userId) : null;
}

/** The password reset job: the link, to the account's address. An account gone since is nothing to send. */
export function passwordResetJob(db: Db, mailer: Mailer, origin: string) {
  return async (payload: Record<string, unknown>) => {
    const user = await payloadUser(db, payload);
    if (!user) return;
    const token = typeof payload.sealedToken === "string" ? openResetToken(payload.sealedToken, user.id) : null;
    // AUTH_SECRET changed since it was asked for: the person asks again.
    if (!token) throw new Error("The password reset job's token does not open");
    await mailer(passwordResetEmail({ to: user.email, name: user.name, url: new URL(`/reset-password/${token}`, origin).toString() }));
  };
}

/** Tells an account's owner their password changed, with the way back if it was not them. */
export function passwordChangedJob(db: Db, mailer: Mailer, origin: string) {
  return async (payload: Record<string, unknown>) => {
    const user = await payloadUser(db, payload);
    if (!user) return;
    const changedAt = new Date(typeof payload.changedAt === "string" ? payload.changedAt : Number.NaN);
    if (Number.isNaN(changedAt.getTime())) throw new Error("The password-changed job names no time");
    const at = formatMoment(changedAt, "UTC", { withZone: true });
    await mailer(passwordChangedEmail({ to: user.email, name: user.name, at, resetUrl: new URL("/forgot-password", origin).toString() }));
  };
}
