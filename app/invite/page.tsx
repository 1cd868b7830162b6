import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Link } from "@/app/_components/link";
import { Time } from "@/app/_components/time";
import { buttonClass, Card } from "@/app/_components/ui";
import { getDb } from "@/db";
import { lookupInvite } from "@/lib/services/invites";
import { getTeamForMember } from "@/db/queries/teams";
import { INVITE_COOKIE, INVITE_PAGE } from "@/lib/auth/invite-cookie";
import { ROLE_DESCRIPTIONS } from "@/lib/auth/roles";
import { roleWithArticle } from "@/lib/domain/roles";
import { currentUser } from "@/lib/auth/session";
import { UNUSABLE_INVITE_COPY } from "@/lib/domain/invite-status";
import { AcceptInviteForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="mb-3 text-xl font-semibold">{title}</h1>
        {children}
      </Card>
    </div>
  );
}

export default async function InvitePage() {
  const token = (await cookies()).get(INVITE_COOKIE)?.value;
  const user = await currentUser();
  if (!token) {
    return (
      <Panel title="Open your invite link">
        <p className="text-slate-600 dark:text-slate-400">
          To join a team, open the invite link you were sent (it looks like <code>/invite/…</code>). If it came a while ago, ask for a new one.
        </p>
      </Panel>
    );
  }
  const db = await getDb();
  const invite = await lookupInvite(db, token, new Date(), user?.id);

  if (invite.status !== "valid") {
    const copy = UNUSABLE_INVITE_COPY[invite.status];
    return (
      <Panel title={copy.title}>
        <p className="text-slate-600 dark:text-slate-400">{copy.detail}</p>
        <p className="mt-4 text-sm">
          <Link href={user ? "/teams" : "/"} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
            {user ? "Go to your teams" : "Go to the home page"}
          </Link>
        </p>
      </Panel>
    );
  }

  const here = INVITE_PAGE;
  const membership = user ? await getTeamForMember(db, user.id, invite.teamId) : null;
  return (
    <Panel title={`Join ${invite.teamName} on Verdict`}>
      <p className="text-slate-600 dark:text-slate-400">
        You are invited as <strong>{roleWithArticle(invite.role)}</strong>: {ROLE_DESCRIPTIONS[invite.role]}. The link works until{" "}
        <Time date={invite.expiresAt} />.
      </p>
      <div className="mt-6">
        {!user ? (
          <div className="flex flex-wrap gap-3">
            <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass("primary")}>
              Create an account and join
            </Link>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass("secondary")}>
              Sign in and join
            </Link>
          </div>
        ) : membership ? (
          <p>
            You are already a member of this team.{" "}
            <Link href={`/teams/${invite.teamId}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
              Open {invite.teamName}
            </Link>
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Signed in as {user.email}.</p>
            <AcceptInviteForm token={token} teamName={invite.teamName} />
          </>
        )}
      </div>
    </Panel>
  );
}
