import { saveScoreSheet } from "@/app/teams/[teamId]/decisions/[decisionId]/scores/save-sheet";
import { decisionJsonRoute } from "@/lib/entry/write-routes";
import { scoreSheetSchema } from "@/lib/validation/decision";

/** The score sheet's save from its script: { scores: { [optionId]: { [criterionId]: { score, comment, evidence } } } }. */
export const PUT = decisionJsonRoute(scoreSheetSchema, "decision.vote", saveScoreSheet, { lock: "share" });
