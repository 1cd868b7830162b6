import { Card, CardTitle } from "@/app/_components/ui";
import { people } from "@/lib/domain/reminders";
import { formatMoment } from "@/lib/domain/time-format";
import type { ReminderCardState } from "@/lib/services/reminders";
import { viewerTimeZone } from "@/lib/viewer-zone";
import { RemindForm } from "./remind-form";

/**
 * The facilitator's reminder card while weighting or scoring is open: how many have not submitted,
 * a button to remind them (at most once an hour), and when it was last used.
 */
export async function RemindSection({ teamId, decisionId, card }: { teamId: string; decisionId: string; card: ReminderCardState }) {
  const { zone } = await viewerTimeZone();
  const part = card.phase === "weighting" ? "weights" : "scores";
  return (
    <Card aria-labelledby="remind-heading">
      <CardTitle id="remind-heading">Remind</CardTitle>
      <div className="space-y-3 text-sm">
        {card.state === "nobody" ? (
          <p>Everyone else has given their {part}: there is nobody to remind.</p>
        ) : (
          <>
            <p>
              {people(card.awaiting)} {card.awaiting === 1 ? "has" : "have"} not given their {part} yet.
            </p>
            <RemindForm
              teamId={teamId}
              decisionId={decisionId}
              label={`Remind ${people(card.awaiting)}`}
              waitNote={card.state === "wait" ? `You can remind again at ${formatMoment(card.nextAt, zone, { show: "time", withZone: true })}.` : null}
            />
          </>
        )}
        {card.last ? <p className="text-slate-600 dark:text-slate-400">{card.last}</p> : null}
        {card.automatic ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">Reminders also go out by themselves a day and an hour before the deadline.</p>
        ) : null}
      </div>
    </Card>
  );
}
