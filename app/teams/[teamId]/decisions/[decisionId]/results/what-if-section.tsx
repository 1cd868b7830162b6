import { Card, CardTitle } from "@/app/_components/ui";
import type { ScoreBasis } from "@/lib/domain/what-if";
import { WhatIf } from "./what-if";

export function WhatIfSection({ basis }: { basis: ScoreBasis }) {
  return (
    <Card aria-labelledby="whatif-heading">
      <CardTitle id="whatif-heading">What if the weights were different?</CardTitle>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Move a criterion’s weight and the ranking is recomputed at once, with the same arithmetic as the result above.
      </p>
      <WhatIf basis={basis} />
    </Card>
  );
}
