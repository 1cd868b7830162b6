import type { ReactNode } from "react";
import { LiveUpdates } from "@/app/_components/live-updates";
import { BackLink } from "@/app/_components/ui";
import { decisionLiveUrl } from "@/lib/domain/live-updates";
import type { DecisionView } from "@/lib/services/access";

/** The way back from the results and their charts, with the live updates that reload them at a reveal or a new round. */
export function ResultsBack({ href, view, children }: { href: string; view: DecisionView; children: ReactNode }) {
  const { teamId, decision, lastEventId } = view;
  return (
    <>
      <BackLink href={href}>{children}</BackLink>
      <LiveUpdates url={decisionLiveUrl(teamId, decision.id)} after={lastEventId} phase={decision.status} />
    </>
  );
}
