"use server";

import { revalidatePath } from "next/cache";
import { revokeSession } from "@/db/queries/sessions";
import { formAction } from "@/lib/entry/actions";
import { NotFoundError } from "@/lib/errors";
import { revokeSessionSchema } from "@/lib/validation/account";

export const revokeSessionAction = formAction(revokeSessionSchema, async ({ db, user, input }) => {
  if (input.sessionId === user.sessionId) throw new NotFoundError("To end this session, sign out.");
  if (!(await revokeSession(db, user.id, input.sessionId))) throw new NotFoundError("That session has already ended.");
  revalidatePath("/account");
  return "That session is signed out.";
});
