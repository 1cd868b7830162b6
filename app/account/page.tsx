import type { Metadata } from "next";
import { getDb } from "@/db";
import { listLiveSessions } from "@/db/queries/sessions";
import { emailKinds } from "@/db/queries/notifications";
import { findPasswordHash } from "@/db/queries/users";
import { NOTIFICATION_KIND_LABELS, SENT_NOTIFICATION_KINDS } from "@/lib/domain/notifications";
import { requireUser } from "@/lib/auth/session";
import { describeUserAgent, SESSION_LIFETIME } from "@/lib/domain/session-lifetime";
import { viewerTimeZone } from "@/lib/viewer-zone";
import { EmailAddress } from "../_components/email-address";
import { Time } from "../_components/time";
import { Badge, Card, CardTitle, PageHeader } from "../_components/ui";
import { ChangePasswordForm, NotificationSettingsForm, RevokeSessionForm, SignOutEverywhereForm, TimeZoneForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

const DAY = 24 * 60 * 60_000;

export default async function AccountPage() {
  const user = await requireUser("/account");
  const db = await getDb();
  const [live, passwordHash, zone, emailed] = await Promise.all([
    listLiveSessions(db, user.id),
    findPasswordHash(db, user.id),
    viewerTimeZone(),
    emailKinds(db, user.id),
  ]);
  // This browser first, then the others by last use.
  const sessions = [...live.filter((s) => s.id === user.sessionId), ...live.filter((s) => s.id !== user.sessionId)];
  return (
    <>
      <PageHeader title="Your account" description="Who you are in Verdict, where you are signed in, and your password." />
      <div className="grid gap-6 md:grid-cols-2">
        <Card aria-labelledby="profile-heading">
          <CardTitle id="profile-heading">Profile</CardTitle>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">Name</dt>
            <dd className="font-medium">{user.name}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Email</dt>
            <dd className="font-medium">
              <EmailAddress email={user.email} />
            </dd>
          </dl>
        </Card>
        <Card aria-labelledby="password-heading" className="md:row-span-2">
          <CardTitle id="password-heading">Change password</CardTitle>
          {passwordHash ? (
            <>
              <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">Changing it signs you out everywhere else; this browser stays signed in.</p>
              <ChangePasswordForm />
            </>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">You sign in through GitHub, so there is no Verdict password to change.</p>
          )}
        </Card>
        <Card aria-labelledby="time-heading">
          <CardTitle id="time-heading">Times and deadlines</CardTitle>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            Verdict shows every time in {zone.chosen ? "the zone you chose" : "your browser's time zone"}, on a 24-hour clock: now{" "}
            <strong>{zone.zone.replaceAll("_", " ")}</strong>.
          </p>
          <TimeZoneForm chosen={user.timeZone} zones={Intl.supportedValuesOf("timeZone")} />
        </Card>
        <Card aria-labelledby="notifications-heading">
          <CardTitle id="notifications-heading">Notifications</CardTitle>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            Everything shows under the bell at the top. Choose what also comes by email, to {user.email}.
          </p>
          <NotificationSettingsForm kinds={SENT_NOTIFICATION_KINDS.map((kind) => ({ kind, label: NOTIFICATION_KIND_LABELS[kind] }))} emailed={emailed} />
        </Card>
        <Card aria-labelledby="sessions-heading">
          <CardTitle id="sessions-heading">Where you are signed in</CardTitle>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            A session ends after {SESSION_LIFETIME.idleMs / DAY} days without use, and {SESSION_LIFETIME.absoluteMs / DAY} days after signing in at the latest.
          </p>
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {sessions.map((session) => {
              const label = describeUserAgent(session.userAgent);
              const current = session.id === user.sessionId;
              return (
                <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="text-sm">
                    <p className="flex items-center gap-2 font-medium">
                      {label} {current ? <Badge tone="good">This browser</Badge> : null}
                    </p>
                    <p className="text-slate-500 dark:text-slate-400">
                      Signed in <Time date={session.createdAt} />, last active <Time date={session.lastSeenAt} />
                    </p>
                  </div>
                  {current ? null : <RevokeSessionForm sessionId={session.id} label={`${label}, signed in ${session.createdAt.toISOString()}`} />}
                </li>
              );
            })}
          </ul>
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            <SignOutEverywhereForm />
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Ends every session, this one included, on every device.</p>
          </div>
        </Card>
      </div>
    </>
  );
}
