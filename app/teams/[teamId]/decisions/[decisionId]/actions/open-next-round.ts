"use server";

import { z } from "zod";
import { openNextRound } from "@/db/queries/decisions";
import { formAction } from "@/lib/actions/form-action";
import { id } from "@/lib/validation/fields";
import { revalidateDecision } from "./revalidate";

const openNextRoundSchema = z.object({
  teamId: id("team"),
  decisionId: id("decision"),
  round: z.coerce.number({ error: "Unknown round" }).int("Unknown round").min(1, "Unknown round"),
});

export const openNextRoundAction = formAction(openNextRoundSchema, async ({ db, user, input }) => {
  const round = await openNextRound(db, user.id, input);
  revalidateDecision(input.teamId, input.decisionId);
  return `Scoring round ${round} is open: members can re-score with the previous round's spread in view.`;
});
