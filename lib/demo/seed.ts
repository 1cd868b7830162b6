import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { events, memberships, teams, users } from "../../db/schema";
import { hashPassword } from "../auth/password";
import { DEMO_PASSWORD, DEMO_TEAM_NAME, DEMO_USERS } from "./accounts";
import { seedDemoDecisions } from "./decisions";

/** Creates the demo team and its three people once; a second run changes nothing. */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const [first] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USERS[0]!.email)).limit(1);
  if (first) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { teamId, people } = await db.transaction(async (tx) => {
    const people = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ name: u.name, email: u.email, passwordHash })))
      .returning({ id: users.id, email: users.email, name: users.name });
    const [team] = await tx.insert(teams).values({ name: DEMO_TEAM_NAME }).returning();
    const owner = people.find((p) => p.email === DEMO_USERS[0]!.email)!;
    await tx.insert(events).values({ teamId: team!.id, actorId: owner.id, type: "team.created", payload: { name: DEMO_TEAM_NAME } });
    for (const demo of DEMO_USERS) {
      const person = people.find((p) => p.email === demo.email)!;
      await tx.insert(memberships).values({ teamId: team!.id, userId: person.id, role: demo.role });
      if (demo.role !== "owner") {
        await tx.insert(events).values({
          teamId: team!.id,
          actorId: person.id,
          type: "member.joined",
          payload: { userId: person.id, name: person.name, role: demo.role },
        });
      }
    }
    return { teamId: team!.id, people };
  });
  const person = (i: number) => people.find((p) => p.email === DEMO_USERS[i]!.email)!;
  await seedDemoDecisions(db, teamId, [person(0), person(1), person(2)]);
  return { created: true };
}
