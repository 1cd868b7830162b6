import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { events, users } from "../schema";

export type TeamEventType =
  | "team.created"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "invite.created"
  | "invite.revoked";

export type NewEvent = {
  teamId: string;
  actorId: string | null;
  type: TeamEventType;
  decisionId?: string | null;
  payload?: Record<string, unknown>;
};

export async function appendEvent(db: Executor, event: NewEvent): Promise<void> {
  await db.insert(events).values({
    teamId: event.teamId,
    actorId: event.actorId,
    type: event.type,
    decisionId: event.decisionId ?? null,
    payload: event.payload ?? {},
  });
}

export async function listTeamEvents(db: Executor, teamId: string, limit = 20) {
  return db
    .select({ id: events.id, type: events.type, payload: events.payload, createdAt: events.createdAt, actorName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(eq(events.teamId, teamId))
    .orderBy(desc(events.id))
    .limit(limit);
}
