import { can, canManageMember, type Permission, type Role } from "../../../lib/auth/roles";
import { type ActorKind, ROLE_IN_OWN_TEAM } from "./world";

// The expected outcome of a call, worked out from the permissions table of lib/auth/roles.ts.

/** own: the actor's team and its objects; other: another team's; mixed: own team id, another team's object id. */
export type Target = "own" | "other" | "mixed";

export type Rule =
  { kind: "public" } | { kind: "signed-in" } | { kind: "permission"; permission: Permission } | { kind: "facilitator" } | { kind: "manage-member" };

export type Refusal = "sign-in" | "not-found" | "forbidden";
export type Expected = { allowed: true } | { allowed: false; as: readonly Refusal[] };

const ALLOWED: Expected = { allowed: true };
const refused = (...as: Refusal[]): Expected => ({ allowed: false, as });

function permitted(rule: Rule, role: Role, actor: ActorKind): boolean {
  switch (rule.kind) {
    case "public":
    case "signed-in":
      return true;
    case "permission":
      return can(role, rule.permission);
    case "facilitator":
      // Owners and admins run any decision; the member who created one runs it while they may create.
      return can(role, "decision.facilitate") || (actor === "facilitator" && can(role, "decision.create"));
    case "manage-member":
      // The matrix always targets a plain member and asks to make them a viewer (or remove them).
      return canManageMember(role, "member", "viewer");
  }
}

export function expectedOutcome(rule: Rule, actor: ActorKind, target: Target): Expected {
  if (rule.kind === "public") return ALLOWED;
  if (actor === "anonymous") return refused("sign-in");
  if (rule.kind === "signed-in") return ALLOWED;
  const role = target === "other" ? null : ROLE_IN_OWN_TEAM[actor];
  // Someone outside a team must not learn that it, or anything in it, exists.
  if (!role) return refused("not-found");
  if (target === "mixed") return refused("not-found", "forbidden");
  return permitted(rule, role, actor) ? ALLOWED : refused("forbidden");
}
