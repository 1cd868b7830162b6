import { expect, snapshot, test } from "./fixtures";
import { newPerson, SignUpPage } from "./pages/auth-pages";
import { DecisionPage } from "./pages/decision-pages";
import { expectAxeClean } from "./support/axe";
import { bell, useSmtpReceiver } from "./support/mail-and-bell";
import { DESKTOP, joinThroughInvite, newSmallDecision } from "./support/team-setup";

// A member is told scoring opened (bell, inbox, mark read), and someone who chose email gets one
// at a real SMTP receiver, started here on the port the server's SMTP_URL names.

const PHONE = { width: 360, height: 740 };

test.describe.configure({ mode: "default" });
const received = useSmtpReceiver();

test("a member is told scoring opened, by the bell and the inbox, and one who chose email gets an email", async ({ actor, newContext }) => {
  test.slow();
  const owner = await actor("Fay", { viewport: DESKTOP });
  const team = await owner.teams.createTeam("Notified team");
  const inviteUrl = await team.createInvite({ role: "member" });
  const mo = await joinThroughInvite(newContext, inviteUrl, "Mo", PHONE);
  const em = await joinThroughInvite(newContext, inviteUrl, "Em");

  // Em wants scoring by email.
  await em.page.goto("/account");
  const settings = em.page.getByRole("group", { name: "Scoring opened and your scores are needed" });
  await settings.getByRole("radio", { name: "Also by email" }).check();
  await em.page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(em.page.getByRole("status").filter({ hasText: "1 kind also by email" })).toBeVisible();
  await snapshot(em.page, "notifications-settings");

  const title = `Message broker ${Date.now()}`;
  const decisionUrl = await newSmallDecision(owner.page, title);
  const facilitator = new DecisionPage(owner.page);
  await facilitator.advance("Open weighting", "Weighting");
  await facilitator.advance("Close weighting and open scoring", "Scoring");

  // Mo, on a phone: the bell counts joining, weighting and scoring (the worker wakes on the event).
  await expect(async () => {
    await mo.page.goto("/teams");
    await expect(bell(mo.page)).toHaveAccessibleName("Notifications, 3 unread", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await snapshot(mo.page, "notifications-bell-phone");
  await bell(mo.page).click();
  await expect(mo.page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const scoring = mo.page.getByRole("button", { name: `Scoring opened on “${title}”: your scores are needed (unread)` });
  await expect(scoring).toBeVisible();
  await expectAxeClean(mo.page, { failFrom: "minor" });
  await snapshot(mo.page, "notifications-inbox-phone");
  await mo.page.emulateMedia({ colorScheme: "dark" });
  await expectAxeClean(mo.page, { failFrom: "minor" });
  await snapshot(mo.page, "notifications-inbox-phone-dark");
  await mo.page.emulateMedia({ colorScheme: "light" });

  // Opening it marks it read and goes straight to the scores page.
  await scoring.click();
  await mo.page.waitForURL(`${decisionUrl}/scores`);
  await expect(bell(mo.page)).toHaveAccessibleName("Notifications, 2 unread");
  await bell(mo.page).click();
  await expect(mo.page.getByRole("button", { name: `Scoring opened on “${title}”: your scores are needed`, exact: true })).toBeVisible();
  await mo.page.getByRole("button", { name: "Mark all read" }).click();
  await expect(mo.page.getByRole("status").filter({ hasText: "Marked 2 notifications read." })).toBeVisible();
  await expect(bell(mo.page)).toHaveAccessibleName("Notifications");

  // Em's email: to Em, plain text and HTML, with a link straight to the scores page.
  await expect.poll(() => received().find((m) => m.includes(em.person.email.toLowerCase())) ?? "", { timeout: 15_000 }).toContain("Scoring opened on");
  const mail = received().find((m) => m.includes(em.person.email.toLowerCase()))!;
  expect(mail).toContain("text/plain");
  expect(mail).toContain("text/html");
  expect(mail.replace(/=\r?\n/g, "")).toContain(`${new URL(decisionUrl).pathname}/scores`);
  // Mo chose nothing by email.
  expect(received().some((m) => m.includes(mo.person.email.toLowerCase()))).toBe(false);

  // The development mailbox does not exist in production.
  const mailbox = await mo.page.request.get("/dev/mailbox", { failOnStatusCode: false });
  expect(mailbox.status()).toBe(404);
});

test("without JavaScript, the inbox opens a notification, marks all read, and the settings save", async ({ actor, newContext }) => {
  test.slow();
  const owner = await actor("Nia", { viewport: DESKTOP });
  const team = await owner.teams.createTeam("No-script notices");
  const inviteUrl = await team.createInvite({ role: "member" });
  const context = await newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByRole("link", { name: "Create an account and join" }).click();
  await new SignUpPage(page).signUp(newPerson("Ode"));
  await expect(page.getByRole("heading", { name: "Welcome to No-script notices" })).toBeVisible();
  const teamPath = new URL(page.url()).pathname;

  await expect(async () => {
    await page.goto("/notifications");
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("button", { name: "You joined “No-script notices” as a member (unread)" }).click();
  await page.waitForURL(`**${teamPath}`);
  await expect(bell(page)).toHaveAccessibleName("Notifications");

  await page.goto("/notifications");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing was unread." })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("group", { name: "Your role in a team changed" }).getByRole("radio", { name: "Also by email" }).check();
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: 1 kind also by email." })).toBeVisible();
  await expect(page.getByRole("group", { name: "Your role in a team changed" }).getByRole("radio", { name: "Also by email" })).toBeChecked();
});
