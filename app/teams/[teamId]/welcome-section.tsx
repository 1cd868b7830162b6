import { AwaitingVotes } from "@/app/_components/awaiting-votes";
import { Card, CardTitle } from "@/app/_components/ui";
import type { Role } from "@/lib/auth/roles";
import { roleWithArticle } from "@/lib/domain/roles";
import type { AwaitedVote } from "@/lib/services/awaiting";

/** Shown once, right after joining from an invite: what the newcomer's role lets them do, and what awaits them. */
export function WelcomeSection({ teamName, role, votes }: { teamName: string; role: Role; votes: AwaitedVote[] }) {
  return (
    <Card aria-labelledby="welcome-heading" className="border-emerald-200 dark:border-emerald-900">
      <CardTitle id="welcome-heading">Welcome to {teamName}</CardTitle>
      <p role="status" className="text-slate-700 dark:text-slate-300">
        You joined as {roleWithArticle(role)}.{" "}
        {role === "viewer"
          ? "You can follow every decision and read its results once they are revealed."
          : votes.length > 0
            ? "These decisions are waiting for you:"
            : "No decision is waiting for your vote right now; you will find new ones here and on your teams page."}
      </p>
      {votes.length > 0 ? <AwaitingVotes votes={votes} showTeam={false} /> : null}
    </Card>
  );
}
