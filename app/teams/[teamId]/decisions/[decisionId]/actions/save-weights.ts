"use server";

import { decisionAction } from "@/lib/entry/actions";
import { weightSheetSchema } from "@/lib/validation/decision";
import { saveWeightSheet } from "../weights/save-sheet";

/** The sheet's save without JavaScript; with it, the sheet sends JSON to /api/…/weights instead (same handler). */
export const saveWeightsAction = decisionAction(weightSheetSchema, "decision.vote", saveWeightSheet, { lock: "share" });
