import { Badge, cx } from "@/app/_components/ui";

/** Flags a decision carries in lists: later replaced, retired, or run without names. */
export function DecisionMarkers({
  decision,
  className,
}: {
  decision: { supersededById: string | null; deprecatedAt: Date | null; anonymous: boolean };
  className?: string;
}) {
  if (!decision.supersededById && !decision.deprecatedAt && !decision.anonymous) return null;
  return (
    <span className={cx("flex flex-wrap gap-1.5", className)}>
      {decision.supersededById ? <Badge tone="warn">Superseded</Badge> : null}
      {decision.deprecatedAt ? <Badge tone="warn">Deprecated</Badge> : null}
      {decision.anonymous ? <Badge>Anonymous</Badge> : null}
    </span>
  );
}
