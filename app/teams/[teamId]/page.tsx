import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/ui";
import { listTeamEvents } from "@/db/queries/events";
import { listInvites } from "@/db/queries/invites";
import { getTeamForMember, listMembers } from "@/db/queries/teams";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { teamPage } from "@/lib/entry/pages";
import { decisionLogRows, RECENT_DECISIONS } from "@/lib/services/pages/decision-log";
import { ActivitySection } from "./activity-section";
import { DecisionsSection } from "./decisions-section";
import { InvitesSection } from "./invites-section";
import { MembersSection } from "./members-section";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { db, user, actor: access, now } = await teamPage(teamId, "team.view", `/teams/${teamId}`);
  const mayInvite = can(access.role, "team.invite");
  const [team, members, invites, activity, recentDecisions] = await Promise.all([
    getTeamForMember(db, user.id, teamId),
    listMembers(db, teamId),
    mayInvite ? listInvites(db, teamId) : Promise.resolve([]),
    listTeamEvents(db, teamId, 15),
    decisionLogRows(db, teamId, {}, { limit: RECENT_DECISIONS, offset: 0 }, now),
  ]);
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
        <DecisionsSection teamId={teamId} teamName={team.name} recentDecisions={recentDecisions} mayCreate={can(access.role, "decision.create")} />
        <MembersSection teamId={teamId} members={members} userId={user.id} role={access.role} />
        {mayInvite ? <InvitesSection teamId={teamId} invites={invites} role={access.role} /> : null}
        <ActivitySection teamId={teamId} teamName={team.name} activity={activity} />
      </div>
    </>
  );
}
