import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { getDb } from "@/db";
import { listTeamsForUser } from "@/db/queries/teams";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { votesAwaited } from "@/lib/services/awaiting";
import { AwaitingVotes } from "../_components/awaiting-votes";
import { Badge, Card, CardTitle, PageHeader, SuccessNotice } from "../_components/ui";
import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "Your teams" };

export default async function TeamsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/teams");
  const db = await getDb();
  const [teams, votes, params] = await Promise.all([listTeamsForUser(db, user.id), votesAwaited(db, user.id), searchParams]);
  return (
    <>
      <PageHeader title="Your teams" description="Decisions belong to a team. Open one, or start a new team and invite the people who will decide with you." />
      {params.left ? <SuccessNotice className="mb-6">You left the team.</SuccessNotice> : null}
      {votes.length > 0 ? (
        <Card aria-labelledby="awaiting-heading" className="mb-6">
          <CardTitle id="awaiting-heading">Waiting for your vote</CardTitle>
          <AwaitingVotes votes={votes} showTeam={teams.length > 1} />
        </Card>
      ) : null}
      <div className="grid gap-6 md:grid-cols-[1fr_20rem]">
        <Card aria-labelledby="teams-heading">
          <CardTitle id="teams-heading">Teams you belong to</CardTitle>
          {teams.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">You are not in any team yet. Create one, or open an invite link a teammate sent you.</p>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {teams.map((team) => (
                <li key={team.id} className="flex items-center justify-between gap-4 py-3">
                  <div>
                    <Link href={`/teams/${team.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                      {team.name}
                    </Link>
                    <p className="text-sm text-slate-500 dark:text-slate-400">
                      {team.members} {team.members === 1 ? "member" : "members"}
                    </p>
                  </div>
                  <Badge tone={team.role === "owner" ? "brand" : "neutral"}>{ROLE_LABELS[team.role]}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="new-team-heading">
          <CardTitle id="new-team-heading">New team</CardTitle>
          <CreateTeamForm />
        </Card>
      </div>
    </>
  );
}
