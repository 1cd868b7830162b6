import { Link } from "@/app/_components/link";
import type { AwaitedVote } from "@/lib/services/awaiting";
import { Time } from "./time";

/** Where this person's vote is needed: each decision, what is owed and by when, with a link straight to the sheet. */
export function AwaitingVotes({ votes, showTeam }: { votes: AwaitedVote[]; showTeam: boolean }) {
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {votes.map((vote) => (
        <li key={vote.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
          <div className="min-w-0">
            <Link
              href={`/teams/${vote.teamId}/decisions/${vote.id}/${vote.part}`}
              className="font-medium break-words text-brand-600 hover:underline dark:text-brand-100"
            >
              {vote.part === "weights" ? "Weigh the criteria" : "Score the options"}: {vote.title}
            </Link>
            {showTeam ? <p className="text-sm text-slate-500 dark:text-slate-400">{vote.teamName}</p> : null}
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {vote.deadline ? (
              <>
                closes <Time date={vote.deadline} />
              </>
            ) : (
              "no deadline"
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
