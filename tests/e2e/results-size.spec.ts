import { randomUUID } from "node:crypto";
import { LIMITS } from "../../lib/validation/decision";
import * as db from "../security/support/db";
import { disposeAll, PASSWORD, type Person, signUp } from "../security/support/http";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/auth-pages";
import { expectAxeClean } from "./support/axe";

// The results page and its charts send the same amount of HTML however many people took part: the
// list of people pages, the charts summarise beyond a page of people, and only the person asked for
// is shown in full. Two revealed decisions of the largest shape the form allows (12 × 12), one with
// 30 people and one with 1,000, seeded straight into the database; the page is fetched over HTTP.

const MOST_HTML = 150 * 1024;

// One seeded world for the whole file, in one worker.
test.describe.configure({ mode: "default" });

let viewer: Person;
let teamId: string;
const decisions: Record<"few" | "many", { id: string; someone: { id: string; name: string } }> = {} as never;

/** A revealed decision where `members` people weighed every criterion and scored every cell, commenting on one in four. */
async function seedRevealed(facilitatorId: string, members: number, tag: string) {
  const sql = db.sql();
  const users = await sql<{ id: string; name: string }[]>`
    insert into users (name, email)
    select 'Voter ' || lpad(i::text, 4, '0') || ' ' || ${tag}, 'voter-' || i || '-' || ${tag} || '@example.test' from generate_series(1, ${members}) i
    returning id, name`;
  await sql`insert into memberships (team_id, user_id, role) select ${teamId}, unnest(${users.map((u) => u.id)}::uuid[]), 'member'`;
  const [decision] = await sql<{ id: string }[]>`
    insert into decisions (team_id, title, context, facilitator_id, status, revealed_at)
    values (${teamId}, ${`Big decision ${tag}`}, 'Which one?', ${facilitatorId}, 'revealed', now()) returning id`;
  const id = decision!.id;
  await sql`insert into options (decision_id, name, position) select ${id}, 'Option ' || p, p - 1 from generate_series(1, ${LIMITS.options}) p`;
  await sql`insert into criteria (decision_id, name, position) select ${id}, 'Criterion ' || p, p - 1 from generate_series(1, ${LIMITS.criteria}) p`;
  const voters = users.map((u) => u.id);
  await sql`insert into weights (decision_id, criterion_id, user_id, weight)
    select ${id}, c.id, u, abs(hashtext(u::text || c.id::text)) % 11 from unnest(${voters}::uuid[]) u, criteria c where c.decision_id = ${id}`;
  await sql`insert into scores (decision_id, round, option_id, criterion_id, user_id, score, comment)
    select ${id}, 1, o.id, c.id, u, 1 + abs(hashtext(u::text || o.id::text || c.id::text)) % 5,
           case when (o.position + c.position) % 4 = 0 then 'Because of ' || o.name || ' on ' || c.name end
    from unnest(${voters}::uuid[]) u, options o join criteria c on c.decision_id = o.decision_id where o.decision_id = ${id}`;
  await sql`insert into ballots (decision_id, user_id, kind) select ${id}, u, 'scores' from unnest(${voters}::uuid[]) u`;
  return { id, someone: users[users.length - 1]! };
}

test.beforeAll(async ({}, info) => {
  info.setTimeout(180_000);
  viewer = await signUp("results-size");
  const viewerId = await db.userIdOf(viewer.email);
  teamId = await db.insertTeam(`Results size ${randomUUID().slice(0, 8)}`, [[viewerId, "owner"]]);
  const tag = randomUUID().slice(0, 8);
  decisions.few = await seedRevealed(viewerId, 30, `${tag}-few`);
  decisions.many = await seedRevealed(viewerId, 1000, `${tag}-many`);
});

test.afterAll(async () => {
  await disposeAll([viewer]);
  await db.closeDb();
});

async function htmlOf(decisionId: string, query = "") {
  const response = await viewer.http.get(`/teams/${teamId}/decisions/${decisionId}/results${query}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html.includes("Weighted ranking"), "the results page").toBe(true);
  return html;
}

async function chartsHtmlOf(decisionId: string) {
  const response = await viewer.http.get(`/teams/${teamId}/decisions/${decisionId}/results/charts`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html.includes("Where the team splits"), "the charts page").toBe(true);
  return html;
}

test("the results page of 1,000 people sends at most 150 KB of HTML, whatever is asked for", async () => {
  test.setTimeout(120_000);
  const { id, someone } = decisions.many;
  for (const query of ["", "?people=2", "?people=40", "?people=all", `?person=${someone.id}`, `?person=${someone.id}&people=40`]) {
    const html = await htmlOf(id, query);
    expect(Buffer.byteLength(html), `results${query}`).toBeLessThanOrEqual(MOST_HTML);
  }
  expect(Buffer.byteLength(await chartsHtmlOf(id)), "results/charts").toBeLessThanOrEqual(MOST_HTML);
  const lastPage = await htmlOf(id, "?people=40");
  expect(lastPage.includes("People 976–1000 of 1000"), "the last page of people").toBe(true);
  const person = await htmlOf(id, `?person=${someone.id}`);
  expect(person.includes(someone.name), "the person asked for").toBe(true);
  expect(person.includes("Because of Option 12 on Criterion 10"), "their comment").toBe(true);
});

test("1,000 people cost about as much HTML as 30", async () => {
  test.setTimeout(120_000);
  const few = Buffer.byteLength(await htmlOf(decisions.few.id));
  const many = Buffer.byteLength(await htmlOf(decisions.many.id));
  // The same sections, a page of people each; only counts differ.
  expect(many).toBeLessThan(few * 1.25);
  const fewCharts = Buffer.byteLength(await chartsHtmlOf(decisions.few.id));
  const manyCharts = Buffer.byteLength(await chartsHtmlOf(decisions.many.id));
  // Beyond a page of people the charts summarise: camps instead of people, one dot per distinct weight.
  expect(manyCharts).toBeLessThan(fewCharts * 1.5);
});

test("the summaries a large team gets read well: camps, weight counts, pages of people and one person's grid", async ({ page }) => {
  test.setTimeout(120_000);
  const { id, someone } = decisions.many;
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn(viewer.email, PASSWORD);
  await page.waitForURL("**/teams");
  await page.goto(`/teams/${teamId}/decisions/${id}/results/charts`);
  const split = page.getByRole("figure", { name: "Where the team splits" });
  await expect(split).toContainText("1000 people scored; own first choice:");
  await expect(split.getByRole("rowheader").first()).toContainText(/Option \d+ \(\d+ people\)/);
  await expect(page.getByRole("figure", { name: "Weights: each member and the group" })).toContainText("larger the more members gave it (1000 members");
  await expectAxeClean(page);
  await page.getByRole("link", { name: "← Results" }).click();
  await page.waitForURL(/\/results$/);
  await page.goto(`${page.url()}?person=${someone.id}`);
  const person = page.getByRole("region", { name: someone.name });
  await expect(person.getByRole("table", { name: "Scores by option and criterion" }).getByRole("row")).toHaveCount(LIMITS.options + 1);
  await expect(person.getByRole("list", { name: "Comments and evidence" })).toContainText("Because of Option 12 on Criterion 10");
  await page.getByRole("link", { name: "Next 25" }).click();
  await expect(page.getByText("People 26–50 of 1000")).toBeVisible();
  await expectAxeClean(page);
});
