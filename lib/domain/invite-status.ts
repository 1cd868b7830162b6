export type InviteState = {
  revokedAt: Date | null;
  expiresAt: Date;
  uses: number;
  maxUses: number | null;
};

export type InviteStatus = "valid" | "revoked" | "expired" | "used_up";

/** Revocation wins over expiry, expiry over use: the reason shown is the one the inviter caused last. */
export function inviteStatus(invite: InviteState, now: Date): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "used_up";
  return "valid";
}

/**
 * Besides the link's own state: its creator may no longer hand out its role (demoted, removed,
 * left), and a person removed from the team may not come back through a link made before that.
 */
export type UnusableInvite = Exclude<InviteStatus, "valid"> | "invalid" | "inviter_lost_authority" | "removed_since";

export const UNUSABLE_INVITE_COPY: Record<UnusableInvite, { title: string; detail: string }> = {
  invalid: {
    title: "This invite link is not valid",
    detail: "The link may be incomplete or mistyped. Copy it again from the message you received, or ask the person who invited you for a new one.",
  },
  expired: {
    title: "This invite link has expired",
    detail: "Invite links stop working after a while. Ask the person who invited you for a new one.",
  },
  revoked: {
    title: "This invite link was revoked",
    detail: "Someone in the team switched this link off. Ask them for a new one if you should still join.",
  },
  used_up: {
    title: "This invite link has been used up",
    detail: "It was limited to a number of people, and that many have joined. Ask the person who invited you for a new one.",
  },
  inviter_lost_authority: {
    title: "This invite link no longer works",
    detail: "The person who created it can no longer invite people with this role. Ask someone who manages the team for a new link.",
  },
  removed_since: {
    title: "You were removed from this team",
    detail: "A link created before you were removed cannot bring you back. If you should rejoin, ask someone who manages the team for a new invite.",
  },
};
