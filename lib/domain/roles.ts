// The names of the roles a member can hold. The database enum and the validation schemas are built
// from this list; what each role may do is decided in lib/auth/roles.ts.
export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const WITH_ARTICLE: Readonly<Record<Role, string>> = { owner: "an owner", admin: "an admin", member: "a member", viewer: "a viewer" };

/**
 * A role as a sentence says it: "an admin", "a member". Anything that is not a role's name (an old
 * or damaged payload, "constructor") reads as "a member", the role an invite gives by default.
 */
export function roleWithArticle(role: unknown): string {
  return typeof role === "string" && Object.hasOwn(WITH_ARTICLE, role) ? WITH_ARTICLE[role as Role] : WITH_ARTICLE.member;
}
