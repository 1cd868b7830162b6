import type { Role } from "../../../lib/auth/roles";
import { addMember, dropMember, insertTeam, insertUser, userIdOf } from "./db";
import { type Client, disposeAll, newClient, type Person, signUp } from "./http";

// The people the authorization matrix plays, in two teams: "own" (where they hold their roles) and
// "other" (where none of them is a member, so its ids are someone else's).

export const ACTORS = ["owner", "admin", "member", "facilitator", "viewer", "nonMember", "removed", "anonymous"] as const;
export type ActorKind = (typeof ACTORS)[number];

/** The actor's role in the own team; null for anyone who is not (or no longer) a member. */
export const ROLE_IN_OWN_TEAM: Readonly<Record<ActorKind, Role | null>> = {
  owner: "owner",
  admin: "admin",
  member: "member",
  // A member who facilitates the own team's decisions: the permissions table plus the facilitator rule.
  facilitator: "member",
  viewer: "viewer",
  nonMember: null,
  // Was a member when their session began; removed since, cookie still in hand.
  removed: null,
  anonymous: null,
};

export type Actor = { kind: ActorKind; client: Client; userId: string | null };
export type TeamSide = { teamId: string; ownerId: string; facilitatorId: string };
export type World = { own: TeamSide; other: TeamSide; actors: Record<ActorKind, Actor> };

export async function createWorld(label: string): Promise<World> {
  const signedUp = new Map<ActorKind, Person>();
  // Sign-ups hash a password each: run them side by side.
  await Promise.all(ACTORS.filter((k) => k !== "anonymous").map(async (kind) => signedUp.set(kind, await signUp(`${label}-${kind}`))));
  const ids = new Map<ActorKind, string>();
  for (const [kind, person] of signedUp) ids.set(kind, await userIdOf(person.email));

  const coOwner = await insertUser(`${label}-co-owner`);
  const roster: [string, Role][] = [[coOwner, "owner"]];
  for (const kind of ACTORS) {
    const role = kind === "removed" ? "member" : ROLE_IN_OWN_TEAM[kind];
    if (role) roster.push([ids.get(kind)!, role]);
  }
  const ownTeam = await insertTeam(`Own ${label}`, roster);
  await dropMember(ownTeam, ids.get("removed")!);

  const otherOwner = await insertUser(`${label}-other-owner`);
  const otherFacilitator = await insertUser(`${label}-other-facilitator`);
  const otherTeam = await insertTeam(`Other ${label}`, [
    [otherOwner, "owner"],
    [otherFacilitator, "member"],
  ]);

  const actors = Object.fromEntries(
    await Promise.all(
      ACTORS.map(async (kind) => {
        const person = signedUp.get(kind);
        const actor: Actor = person ? { kind, client: person, userId: ids.get(kind)! } : { kind, client: await newClient(kind), userId: null };
        return [kind, actor] as const;
      }),
    ),
  ) as Record<ActorKind, Actor>;

  return {
    own: { teamId: ownTeam, ownerId: coOwner, facilitatorId: ids.get("facilitator")! },
    other: { teamId: otherTeam, ownerId: otherOwner, facilitatorId: otherFacilitator },
    actors,
  };
}

export async function disposeWorld(world: World | undefined): Promise<void> {
  if (world) await disposeAll(Object.values(world.actors).map((a) => a.client));
}

/** Puts an actor back in the own team after an allowed leave or join changed their membership. */
export async function restoreMembership(world: World, actor: Actor): Promise<void> {
  if (!actor.userId) return;
  const role = ROLE_IN_OWN_TEAM[actor.kind];
  if (role) await addMember(world.own.teamId, actor.userId, role);
  else await dropMember(world.own.teamId, actor.userId);
  await dropMember(world.other.teamId, actor.userId);
}
