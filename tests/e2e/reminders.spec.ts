import { expect, snapshot, test } from "./fixtures";
import { DecisionPage } from "./pages/decision-pages";
import { expectAxeClean } from "./support/axe";
import { bell, useSmtpReceiver } from "./support/mail-and-bell";
import { DESKTOP, expectNotReloaded, joinThroughInvite, markLoaded, newSmallDecision } from "./support/team-setup";

// The facilitator reminds those who have not weighted: the email arrives at a real SMTP receiver
// started here (the server's SMTP_URL names its port), the card then says when it was last used and
// the button waits out the hour, and a member's open page's bell goes up without a reload.

const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "default" });
const received = useSmtpReceiver();

test("the facilitator reminds those who have not weighted: the email arrives, the button waits out the hour, a member's bell goes up live", async ({
  actor,
  newContext,
}) => {
  test.slow();
  const owner = await actor("Rae", { viewport: DESKTOP });
  const team = await owner.teams.createTeam("Reminded team");
  const inviteUrl = await team.createInvite({ role: "member" });
  const mo = await joinThroughInvite(newContext, inviteUrl, "Mo", PHONE);
  const em = await joinThroughInvite(newContext, inviteUrl, "Em");

  // Em wants reminders by email.
  await em.page.goto("/account");
  await em.page
    .getByRole("group", { name: /^A reminder/ })
    .getByRole("radio", { name: "Also by email" })
    .check();
  await em.page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(em.page.getByRole("status").filter({ hasText: "1 kind also by email" })).toBeVisible();

  const title = `Reminded broker ${Date.now()}`;
  const decisionUrl = await newSmallDecision(owner.page, title);
  await new DecisionPage(owner.page).advance("Open weighting", "Weighting");

  // Mo, on a phone, has the decision open: joining and weighting opened are unread.
  await expect(async () => {
    await mo.page.goto(decisionUrl);
    await expect(bell(mo.page)).toHaveAccessibleName("Notifications, 2 unread", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await markLoaded(mo.page);

  // The facilitator's card: two have not weighted (the facilitator is not counted).
  const card = owner.page.getByRole("region", { name: "Remind" });
  await expect(card).toContainText("2 people have not given their weights yet.");
  await card.getByRole("button", { name: "Remind 2 people" }).click();
  await expect(card.getByRole("status")).toHaveText("Reminder sent to 2 people.");
  await expect(card).toContainText("Last reminder sent just now to 2 people.");
  const waiting = card.getByRole("button", { name: "Remind 2 people" });
  await expect(waiting).toBeDisabled();
  await expect(card).toContainText(/You can remind again at \d\d:\d\d \w+/);
  await expect(waiting).toHaveAccessibleDescription(/^You can remind again at \d\d:\d\d/);
  await expectAxeClean(owner.page, { within: '[aria-labelledby="remind-heading"]' });
  await snapshot(owner.page, "reminders-card-desktop");
  await card.screenshot({ path: "tests/e2e/.screenshots/reminders-card-close.png" });
  await owner.page.setViewportSize(PHONE);
  await card.scrollIntoViewIfNeeded();
  await snapshot(owner.page, "reminders-card-phone");
  await owner.page.emulateMedia({ colorScheme: "dark" });
  await expectAxeClean(owner.page, { within: '[aria-labelledby="remind-heading"]' });
  await snapshot(owner.page, "reminders-card-phone-dark");

  // Mo's open page: the bell goes up and says so, without a reload.
  await expect(bell(mo.page)).toHaveAccessibleName("Notifications, 3 unread", { timeout: 15_000 });
  await expect(mo.page.getByRole("status").filter({ hasText: "New notification: 3 unread" })).toBeAttached();
  await expectNotReloaded(mo.page);
  await snapshot(mo.page, "reminders-bell-phone");
  await mo.page.getByRole("navigation", { name: "Main" }).screenshot({ path: "tests/e2e/.screenshots/reminders-bell-close.png" });
  // In another tab Mo reads them all: the open page's bell goes back down, still without a reload.
  const inbox = await mo.context.newPage();
  await inbox.goto("/notifications");
  await expect(inbox.getByRole("button", { name: `A reminder from the facilitator of “${title}”: your weights are still needed (unread)` })).toBeVisible();
  await inbox.getByRole("button", { name: "Mark all read" }).click();
  await expect(inbox.getByRole("status").filter({ hasText: "Marked 3 notifications read." })).toBeVisible();
  await expect(bell(mo.page)).toHaveAccessibleName("Notifications", { timeout: 10_000 });
  await expectNotReloaded(mo.page);

  // Em's email, with a link straight to the weights page; Mo chose no email.
  await expect
    .poll(() => received().find((m) => m.includes(em.person.email.toLowerCase())) ?? "", { timeout: 15_000 })
    .toContain("A reminder from the facilitator of");
  const mail = received().find((m) => m.includes(em.person.email.toLowerCase()))!;
  expect(mail.replace(/=\r?\n/g, "")).toContain(`${new URL(decisionUrl).pathname}/weights`);
  expect(received().some((m) => m.includes(mo.person.email.toLowerCase()))).toBe(false);

  // The timeline says it in words, to how many, not to whom.
  await owner.page.reload();
  await expect(owner.page.getByRole("region", { name: "Timeline" })).toContainText("reminded 2 people who had not given their weights");
});

test("without JavaScript the button works, and the page it returns shows the hour's wait", async ({ actor, newContext }) => {
  test.slow();
  const owner = await actor("Ned", { viewport: DESKTOP });
  const team = await owner.teams.createTeam("Reminded without script");
  const inviteUrl = await team.createInvite({ role: "member" });
  await joinThroughInvite(newContext, inviteUrl, "Ola");
  const decisionUrl = await newSmallDecision(owner.page, `No-script reminder ${Date.now()}`);
  await new DecisionPage(owner.page).advance("Open weighting", "Weighting");

  const context = await newContext({ javaScriptEnabled: false, viewport: PHONE, storageState: await owner.page.context().storageState() });
  const page = await context.newPage();
  await page.goto(decisionUrl);
  const card = page.getByRole("region", { name: "Remind" });
  await card.getByRole("button", { name: "Remind 1 person" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reminder sent to 1 person." })).toBeVisible();

  // The page the server sent back: the button waits out the hour and says until when.
  await expect(card).toContainText("Last reminder sent just now to 1 person.");
  await expect(card.getByRole("button", { name: "Remind 1 person" })).toBeDisabled();
  await expect(card).toContainText(/You can remind again at \d\d:\d\d/);
});
