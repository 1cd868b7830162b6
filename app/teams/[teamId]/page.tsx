import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PhaseBadge } from "@/app/_components/phase-badge";
import { Time } from "@/app/_components/time";
import { Badge, buttonClass, Card, CardTitle, PageHeader } from "@/app/_components/ui";
import { getDb } from "@/db";
import { listTeamEvents } from "@/db/queries/events";
import { listInvites } from "@/db/queries/invites";
import { getTeamForMember, listMembers } from "@/db/queries/teams";
import { requireTeamRole } from "@/lib/auth/guard";
import { can, canManageMember, invitableRoles, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { describeEvent } from "@/lib/domain/describe-event";
import type { InviteStatus } from "@/lib/domain/invite-status";
import { NotFoundError } from "@/lib/errors";
import { id } from "@/lib/validation/fields";
import { loadDecisionLog } from "./decisions/_components/decision-log";
import { CreateInviteForm, RevokeInviteForm } from "./invite-forms";
import { ChangeRoleForm, LeaveTeamForm, RemoveMemberForm } from "./member-forms";

export const metadata: Metadata = { title: "Team" };

const STATUS_BADGE: Record<InviteStatus, { label: string; tone: "good" | "neutral" | "warn" | "bad" }> = {
  valid: { label: "Active", tone: "good" },
  expired: { label: "Expired", tone: "warn" },
  used_up: { label: "Used up", tone: "neutral" },
  revoked: { label: "Revoked", tone: "bad" },
};

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser(`/teams/${teamId}`);
  if (!id("team").safeParse(teamId).success) notFound();
  const db = await getDb();
  const access = await requireTeamRole(db, user.id, teamId, "team.view").catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const mayInvite = can(access.role, "team.invite");
  const [team, members, invites, activity, decisionLog] = await Promise.all([
    getTeamForMember(db, user.id, teamId),
    listMembers(db, teamId),
    mayInvite ? listInvites(db, teamId) : Promise.resolve([]),
    listTeamEvents(db, teamId, 15),
    loadDecisionLog(db, teamId),
  ]);
  const recentDecisions = decisionLog.slice(0, 5);
  if (!team) notFound();

  return (
    <>
      <PageHeader
        title={team.name}
        description={
          <>
            You are {access.role === "owner" || access.role === "admin" ? "an" : "a"} <strong>{ROLE_LABELS[access.role].toLowerCase()}</strong> of this team.
          </>
        }
      />
      <div className="space-y-6">
        <Card aria-labelledby="decisions-heading">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h2 id="decisions-heading" className="text-lg font-semibold">
              Decisions
            </h2>
            {can(access.role, "decision.create") ? (
              <Link href={`/teams/${teamId}/decisions/new`} className={buttonClass("primary", "py-1.5")}>
                New decision
              </Link>
            ) : null}
          </div>
          {recentDecisions.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">No decisions yet. Decisions this team takes will be listed here, with their status and outcome.</p>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {recentDecisions.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
                  <div className="min-w-0">
                    <Link href={`/teams/${teamId}/decisions/${d.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                      {d.title}
                    </Link>
                    {d.effectiveStatus === "decided" && d.chosenOptionName ? (
                      <p className="text-sm text-slate-600 dark:text-slate-400">
                        Chose <span className="font-medium text-slate-800 dark:text-slate-200">{d.chosenOptionName}</span>
                      </p>
                    ) : null}
                  </div>
                  <PhaseBadge status={d.effectiveStatus} />
                </li>
              ))}
            </ul>
          )}
          <p className="mt-4 text-sm">
            <Link href={`/teams/${teamId}/decisions`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
              All decisions<span className="sr-only"> of {team.name}</span>
            </Link>
          </p>
        </Card>

        <Card aria-labelledby="members-heading">
          <CardTitle id="members-heading">Members ({members.length})</CardTitle>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Role</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Joined</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {members.map((member) => {
                  const isMe = member.userId === user.id;
                  const manageable = !isMe && canManageMember(access.role, member.role);
                  const assignable = ROLES.filter((r) => canManageMember(access.role, member.role, r));
                  return (
                    <tr key={member.userId}>
                      <td className="py-3 pr-4">
                        <div className="font-medium">
                          {member.name}
                          {isMe ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
                        </div>
                        <div className="text-slate-500 dark:text-slate-400">{member.email}</div>
                      </td>
                      <td className="py-3 pr-4">
                        {manageable ? (
                          <ChangeRoleForm teamId={teamId} userId={member.userId} memberName={member.name} role={member.role} roles={assignable} />
                        ) : (
                          <Badge tone={member.role === "owner" ? "brand" : "neutral"}>{ROLE_LABELS[member.role]}</Badge>
                        )}
                      </td>
                      <td className="py-3 pr-4 text-slate-500 dark:text-slate-400">
                        <Time date={member.joinedAt} withTime={false} />
                      </td>
                      <td className="py-3 text-right">
                        {manageable && can(access.role, "team.removeMember") ? (
                          <RemoveMemberForm teamId={teamId} userId={member.userId} memberName={member.name} />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>

        {mayInvite ? (
          <Card aria-labelledby="invites-heading">
            <CardTitle id="invites-heading">Invite people</CardTitle>
            <CreateInviteForm teamId={teamId} roles={invitableRoles(access.role)} />
            {invites.length > 0 ? (
              <div className="mt-6 overflow-x-auto">
                <h3 className="mb-2 text-sm font-semibold">Invite links</h3>
                <table className="w-full text-left text-sm">
                  <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                    <tr>
                      <th scope="col" className="py-2 pr-4 font-medium">Role</th>
                      <th scope="col" className="py-2 pr-4 font-medium">Status</th>
                      <th scope="col" className="py-2 pr-4 font-medium">Used</th>
                      <th scope="col" className="py-2 pr-4 font-medium">Expires</th>
                      <th scope="col" className="py-2 pr-4 font-medium">Created by</th>
                      <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                    {invites.map((invite) => {
                      const badge = STATUS_BADGE[invite.status];
                      return (
                        <tr key={invite.id}>
                          <td className="py-2 pr-4">{ROLE_LABELS[invite.role]}</td>
                          <td className="py-2 pr-4"><Badge tone={badge.tone}>{badge.label}</Badge></td>
                          <td className="py-2 pr-4">{invite.uses}{invite.maxUses ? ` of ${invite.maxUses}` : ""}</td>
                          <td className="py-2 pr-4 text-slate-500 dark:text-slate-400"><Time date={invite.expiresAt} /></td>
                          <td className="py-2 pr-4 text-slate-500 dark:text-slate-400">{invite.createdByName}</td>
                          <td className="py-2 text-right">
                            {invite.status === "valid" ? (
                              <RevokeInviteForm teamId={teamId} inviteId={invite.id} label={`${ROLE_LABELS[invite.role].toLowerCase()} invite`} />
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ) : null}
          </Card>
        ) : null}

        <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
          <Card aria-labelledby="activity-heading">
            <CardTitle id="activity-heading">Recent activity</CardTitle>
            <ol className="space-y-2 text-sm">
              {activity.map((event) => (
                <li key={event.id} className="flex flex-wrap justify-between gap-x-4">
                  <span>{describeEvent(event.type, event.payload, event.actorName)}</span>
                  <span className="text-slate-500 dark:text-slate-400"><Time date={event.createdAt} /></span>
                </li>
              ))}
            </ol>
          </Card>
          <Card aria-labelledby="leave-heading">
            <CardTitle id="leave-heading">Leave this team</CardTitle>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">You lose access to its decisions at once.</p>
            <LeaveTeamForm teamId={teamId} teamName={team.name} />
          </Card>
        </div>
      </div>
    </>
  );
}
