import { saveWeightSheet } from "@/app/teams/[teamId]/decisions/[decisionId]/weights/save-sheet";
import { decisionJsonRoute } from "@/lib/entry/write-routes";
import { weightSheetSchema } from "@/lib/validation/decision";

/** The weight sheet's save from its script: { weights: { [criterionId]: weight } }. */
export const PUT = decisionJsonRoute(weightSheetSchema, "decision.vote", saveWeightSheet, { lock: "share" });
