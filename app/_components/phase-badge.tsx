import { type DecisionStatus, STATUS_LABELS } from "@/lib/domain/phases";
import { Badge } from "./ui";

const TONES: Record<DecisionStatus, "neutral" | "brand" | "good" | "warn" | "bad"> = {
  draft: "neutral",
  weighting: "brand",
  scoring: "brand",
  revealed: "warn",
  decided: "good",
  withdrawn: "bad",
};

export function PhaseBadge({ status }: { status: DecisionStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
