import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { listFrameworks } from "../../db/queries/frameworks";
import { frameworks } from "../../db/schema";
import { seedCatalog } from "../../db/seed";
import { describeEachDriver } from "../support/drivers";

// Written out rather than read from db/catalog.ts, so a reordered or dropped entry is noticed.
const EXPECTED = [
  ["Django", "Python"],
  ["Express", "JavaScript"],
  ["Laravel", "PHP"],
  ["Spring Boot", "Java"],
  ["Ruby on Rails", "Ruby"],
  ["ASP.NET Core", "C#"],
  ["Flask", "Python"],
  ["Phoenix", "Elixir"],
  ["NestJS", "TypeScript"],
  ["Koa", "JavaScript"],
];

describeEachDriver("framework catalog", (ctx) => {
  test("seeding twice leaves exactly the 10 frameworks, Django to Koa, with their languages", async () => {
    await seedCatalog(ctx.db);
    await seedCatalog(ctx.db);

    const list = await listFrameworks(ctx.db);
    expect(list).toHaveLength(10);
    expect(list.map((f) => [f.name, f.language])).toEqual(EXPECTED);
    expect(list.map((f) => f.sortOrder)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(list[0]).toMatchObject({ slug: "django", website: "https://www.djangoproject.com", runtime: null });
    expect(list[0]?.notableUsers).toContainEqual({ name: "Instagram", usage: "serving millions of active users" });
  });

  test("seeding again restores an edited entry", async () => {
    await seedCatalog(ctx.db);
    await ctx.db.update(frameworks).set({ name: "Dj", sortOrder: 99 }).where(eq(frameworks.slug, "django"));

    await seedCatalog(ctx.db);

    const [first] = await listFrameworks(ctx.db);
    expect(first).toMatchObject({ slug: "django", name: "Django", sortOrder: 0 });
  });
});
