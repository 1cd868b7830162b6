import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { listDevMail } from "@/db/queries/notifications";
import { env } from "@/lib/env";
import { EmailAddress } from "../../_components/email-address";
import { Time } from "../../_components/time";
import { Card, PageHeader } from "../../_components/ui";

export const metadata: Metadata = { title: "Development mailbox" };

/** The links an email's text part holds, to follow from here as from a mail client. */
const linksIn = (text: string) => [...new Set(text.match(/https?:\/\/\S+/g) ?? [])];

/**
 * Development only: the emails that would have been sent, kept because SMTP_URL is not set. Not
 * found in production. Open without signing in: a link to choose a new password lands here for
 * someone who cannot sign in.
 */
export default async function DevMailboxPage() {
  if (env().NODE_ENV === "production") notFound();
  const mail = await listDevMail(await getDb(), 50);
  return (
    <>
      <PageHeader
        title="Development mailbox"
        description="SMTP_URL is not set, so in development Verdict keeps the emails it would send here instead, everyone's, the latest 50. In production this page does not exist."
      />
      {mail.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No mail yet. Choose “Also by email” for a kind of notification on your account page, then make it happen.
          </p>
        </Card>
      ) : (
        <ol className="space-y-4">
          {mail.map((m) => (
            <li key={m.id}>
              <Card aria-labelledby={`mail-${m.id}`}>
                <h2 id={`mail-${m.id}`} className="text-base font-semibold break-words">
                  {m.subject}
                </h2>
                <p className="mb-3 text-sm text-slate-500 dark:text-slate-400">
                  To <EmailAddress email={m.to} />, <Time date={m.createdAt} />
                </p>
                <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-950">{m.text}</pre>
                <ul className="mt-2 space-y-1 text-sm empty:hidden">
                  {linksIn(m.text).map((url) => (
                    <li key={url} className="break-all">
                      <a href={url} className="text-brand-600 hover:underline dark:text-brand-100">
                        Follow {url}
                      </a>
                    </li>
                  ))}
                </ul>
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer text-brand-600 dark:text-brand-100">The HTML part, as sent</summary>
                  <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 dark:bg-slate-950">{m.html}</pre>
                </details>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
