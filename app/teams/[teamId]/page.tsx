import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LiveUpdates } from "@/app/_components/live-updates";
import { pageHref, pageParam } from "@/app/_components/pager";
import { PageHeader } from "@/app/_components/ui";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { teamLiveUrl } from "@/lib/domain/live-updates";
import { teamPage, teamPageMetadata } from "@/lib/entry/pages";
import { requestOrigin } from "@/lib/http/origin";
import { votesAwaited } from "@/lib/services/awaiting";
import { teamPageData } from "@/lib/services/pages/team-page";
import { teamPageQuery } from "@/lib/validation/page-query";
import { ActivitySection } from "./activity-section";
import { DecisionsSection } from "./decisions-section";
import { InvitesSection } from "./invites-section";
import { MembersSection } from "./members-section";
import { TrackRecordSection } from "./track-record-section";
import { WebhooksSection } from "./webhooks-section";
import { WelcomeSection } from "./welcome-section";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string }> }) => teamPageMetadata(params, "team.view");

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { teamId } = await params;
  const view = await teamPage(teamId, "team.view", `/teams/${teamId}`);
  const pageParams = await searchParams;
  const query = teamPageQuery(pageParams);
  // Right after joining from an invite: a welcome with what awaits the newcomer (one more query, once).
  const [data, welcome] = await Promise.all([teamPageData(view, query), pageParams.joined === "1" ? votesAwaited(view.db, view.user.id, { teamId }) : null]);
  if (!data) notFound();
  const { user, actor: access } = view;
  const base = `/teams/${teamId}`;
  // Each list keeps the other's place.
  const membersHref = (members: number) => pageHref(base, { members: pageParam(members), invites: pageParam(query.invites) }, "members-heading");
  const invitesHref = (invites: number) => pageHref(base, { members: pageParam(query.members), invites: pageParam(invites) }, "invites-heading");

  return (
    <>
      <PageHeader
        title={data.team.name}
        description={
          <>
            You are {access.role === "owner" || access.role === "admin" ? "an" : "a"} <strong>{ROLE_LABELS[access.role].toLowerCase()}</strong> of this team.
          </>
        }
      />
      <div className="space-y-6">
        {welcome ? <WelcomeSection teamName={data.team.name} role={access.role} votes={welcome} /> : null}
        <DecisionsSection teamId={teamId} teamName={data.team.name} recentDecisions={data.recentDecisions} mayCreate={can(access.role, "decision.create")} />
        <TrackRecordSection teamId={teamId} record={data.trackRecord} />
        <MembersSection teamId={teamId} members={data.members} userId={user.id} role={access.role} href={membersHref} removedName={data.removedName} />
        {data.mayInvite ? (
          <InvitesSection teamId={teamId} invites={data.invites} role={access.role} origin={requestOrigin(await headers())} href={invitesHref} />
        ) : null}
        {can(access.role, "team.webhooks") ? <WebhooksSection teamId={teamId} /> : null}
        <ActivitySection teamId={teamId} teamName={data.team.name} activity={data.activity} historyCheck={data.historyCheck} />
      </div>
      {/* The team page shows phases, outcomes, members and invites, not who has voted. */}
      <LiveUpdates url={teamLiveUrl(teamId)} after={data.team.lastEventId} ignoreBallots />
    </>
  );
}
