"use server";

import { redirect } from "next/navigation";
import { decide } from "@/db/queries/outcomes";
import { formAction } from "@/lib/actions/form-action";
import { decideSchema } from "@/lib/validation/decision";
import { revalidateDecision } from "./revalidate";

export const decideAction = formAction(decideSchema, async ({ db, user, input }) => {
  await decide(db, user.id, input);
  revalidateDecision(input.teamId, input.decisionId);
  redirect(`/teams/${input.teamId}/decisions/${input.decisionId}?decided=1`);
});
