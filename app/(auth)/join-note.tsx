import { roleWithArticle } from "@/lib/domain/roles";
import { pendingInviteSummary } from "./pending-invite";

/** What the sign-in and sign-up pages say when they were reached from an invite, or null. */
export async function joinNote(callbackUrl: string) {
  const invite = await pendingInviteSummary(callbackUrl);
  if (!invite) return null;
  return (
    <>
      Then you join <strong>{invite.teamName}</strong> as {roleWithArticle(invite.role)}, straight away.
    </>
  );
}
