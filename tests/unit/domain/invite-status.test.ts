import { describe, expect, test } from "vitest";
import { type InviteState, type InviteStatus, inviteStatus, UNUSABLE_INVITE_COPY } from "@/lib/domain/invite-status";

const NOW = new Date("2030-06-01T12:00:00.000Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);
const DAY = 24 * 60 * 60_000;

const fresh: InviteState = { revokedAt: null, expiresAt: later(7 * DAY), uses: 0, maxUses: null };

describe("inviteStatus", () => {
  test.each<{ name: string; invite: Partial<InviteState>; expected: InviteStatus }>([
    { name: "a fresh unlimited invite", invite: {}, expected: "valid" },
    { name: "unlimited, used many times", invite: { uses: 999 }, expected: "valid" },
    { name: "limited, with uses left", invite: { uses: 2, maxUses: 3 }, expected: "valid" },
    { name: "limited, exactly used up", invite: { uses: 3, maxUses: 3 }, expected: "used_up" },
    { name: "limited, over-used", invite: { uses: 4, maxUses: 3 }, expected: "used_up" },
    { name: "revoked", invite: { revokedAt: later(-DAY) }, expected: "revoked" },
    { name: "revoked just now", invite: { revokedAt: NOW }, expected: "revoked" },
    { name: "expired a day ago", invite: { expiresAt: later(-DAY) }, expected: "expired" },
    { name: "expiring 1 ms from now", invite: { expiresAt: later(1) }, expected: "valid" },
    { name: "expiring exactly now", invite: { expiresAt: NOW }, expected: "expired" },
    { name: "revoked and expired", invite: { revokedAt: later(-DAY), expiresAt: later(-DAY) }, expected: "revoked" },
    { name: "revoked and used up", invite: { revokedAt: later(-DAY), uses: 1, maxUses: 1 }, expected: "revoked" },
    {
      name: "revoked, expired and used up",
      invite: { revokedAt: later(-DAY), expiresAt: later(-DAY), uses: 5, maxUses: 5 },
      expected: "revoked",
    },
    { name: "expired and used up", invite: { expiresAt: NOW, uses: 5, maxUses: 5 }, expected: "expired" },
  ])("$name → $expected", ({ invite, expected }) => {
    expect(inviteStatus({ ...fresh, ...invite }, NOW)).toBe(expected);
  });
});

describe("UNUSABLE_INVITE_COPY", () => {
  test.each([
    { status: "invalid", title: "This invite link is not valid" },
    { status: "expired", title: "This invite link has expired" },
    { status: "revoked", title: "This invite link was revoked" },
    { status: "used_up", title: "This invite link has been used up" },
    { status: "inviter_lost_authority", title: "This invite link no longer works" },
    { status: "removed_since", title: "You were removed from this team" },
  ] as const)("$status has its own title and a next step", ({ status, title }) => {
    expect(UNUSABLE_INVITE_COPY[status].title).toBe(title);
    expect(UNUSABLE_INVITE_COPY[status].detail).toMatch(/\./);
  });
});
