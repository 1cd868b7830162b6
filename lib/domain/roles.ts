// The names of the roles a member can hold. The database enum and the validation schemas are built
// from this list; what each role may do is decided in lib/auth/roles.ts.
export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];
