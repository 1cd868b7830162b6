"use server";

import { decisionAction } from "@/lib/entry/actions";
import { scoreSheetSchema } from "@/lib/validation/decision";
import { saveScoreSheet } from "../scores/save-sheet";

/** The sheet's save without JavaScript; with it, the sheet sends JSON to /api/…/scores instead (same handler). */
export const saveScoresAction = decisionAction(scoreSheetSchema, "decision.vote", saveScoreSheet, { lock: "share" });
