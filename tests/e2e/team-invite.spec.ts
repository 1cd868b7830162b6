import { closeDb, expireInvite, forgetInviteToken } from "./support/db";
import { type Actor, expect, snapshot, test } from "./fixtures";
import { newPerson, SignUpPage } from "./pages/auth-pages";
import { TeamPage } from "./pages/team-pages";

test.afterAll(closeDb);

test("an owner invites a teammate who signs up from the link and joins as a member", async ({ actor, newContext }) => {
  const alice = await actor("Alice");
  const team = await alice.teams.createTeam("Checkout rewrite");
  const inviteUrl = await team.createInvite({ role: "member", maxUses: "3" });
  await snapshot(alice.page, "team-owner-with-invite");

  const bobContext = await newContext();
  const bobPage = await bobContext.newPage();
  await bobPage.goto(inviteUrl);
  await expect(bobPage.getByRole("heading", { name: "Join Checkout rewrite on Verdict" })).toBeVisible();
  await expect(bobPage.getByText("You are invited as a member: you can create decisions and vote.", { exact: false })).toBeVisible();
  await snapshot(bobPage, "invite-signed-out");
  // The token is in no page's URL: the link hands it over in a cookie and moves on.
  expect(new URL(bobPage.url()).pathname).toBe("/invite");
  await bobPage.getByRole("link", { name: "Create an account and join" }).click();
  await expect(bobPage.getByText("Then you join Checkout rewrite as a member, straight away.")).toBeVisible();
  const bob = newPerson("Bob");
  await new SignUpPage(bobPage).signUp(bob);

  await expect(bobPage.getByRole("heading", { level: 1, name: "Checkout rewrite", exact: true })).toBeVisible();
  await expect(bobPage.getByRole("heading", { name: "Welcome to Checkout rewrite" })).toBeVisible();
  await expect(bobPage.getByRole("status").filter({ hasText: "You joined as a member." })).toBeVisible();
  await snapshot(bobPage, "team-welcome");
  const bobTeam = new TeamPage(bobPage);
  await expect(bobTeam.memberRow(bob.name)).toContainText("Member");
  // A member manages nothing: no invite panel, no role or remove controls.
  await expect(bobTeam.invitePanel()).toHaveCount(0);
  await expect(bobPage.getByRole("button", { name: /Create invite link|Remove|Save role/ })).toHaveCount(0);
  await snapshot(bobPage, "team-as-member");

  await alice.page.reload();
  await expect(team.memberRow(bob.name)).toBeVisible();
  await expect(team.invitePanel().getByRole("row", { name: /^Member/ })).toContainText("1 of 3");
  await expect(alice.page.getByRole("region", { name: "Recent activity" })).toContainText(`${bob.name} joined as a member`);
  await bobContext.close();
});

/** A new team whose owner invited a member, who joined from the link and is on the team's page. */
async function teamWithMember(actor: (label: string) => Promise<Actor>, teamName: string, ownerLabel: string, memberLabel: string) {
  const owner = await actor(ownerLabel);
  const team = await owner.teams.createTeam(teamName);
  const inviteUrl = await team.createInvite({ role: "member" });
  const member = await actor(memberLabel);
  await member.page.goto(inviteUrl);
  await member.page.getByRole("button", { name: `Join ${teamName}` }).click();
  await expect(member.page.getByRole("heading", { level: 1, name: teamName, exact: true })).toBeVisible();
  return { owner, team, member };
}

test("the owner changes a role and removes a member, who then loses access at once", async ({ actor }) => {
  const { owner, team, member: dan } = await teamWithMember(actor, "Data platform", "Olga", "Dan");
  const teamUrl = dan.page.url().replace(/\?.*$/, "");

  await owner.page.reload();
  const row = team.memberRow(dan.person.name);
  await row.getByLabel(`Role for ${dan.person.name}`).selectOption("viewer");
  await row.getByRole("button", { name: `Save role for ${dan.person.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${dan.person.name} is now viewer.`);

  owner.page.once("dialog", (dialog) => dialog.accept());
  await team
    .memberRow(dan.person.name)
    .getByRole("button", { name: `Remove ${dan.person.name}` })
    .click();
  await expect(team.memberRow(dan.person.name)).toHaveCount(0);
  // The row, and the form that would have answered, are gone: the members card says what happened.
  await expect(owner.page.getByRole("region", { name: /^Members/ }).getByRole("status")).toHaveText(
    `${dan.person.name} was removed from the team and no longer has access to it.`,
  );
  await expect(owner.page).not.toHaveURL(/removed=/);

  await dan.page.goto(teamUrl);
  await expect(dan.page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("without JavaScript, removing a member asks first and removes only once confirmed", async ({ actor, newContext }) => {
  const { owner, member: eli } = await teamWithMember(actor, "Scriptless ops", "Nadia", "Eli");

  const context = await newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await context.addCookies(await owner.page.context().cookies());
  const page = await context.newPage();
  await page.goto(owner.page.url());
  const members = page.getByRole("region", { name: /^Members/ });
  await members.getByRole("button", { name: `Remove ${eli.person.name}` }).click();
  // The first press only asks: Eli is still a member.
  const question = members.getByRole("alert");
  await expect(question).toContainText(`Remove ${eli.person.name} from the team? They lose access at once.`);
  await expect(members.getByText(eli.person.email)).toBeVisible();
  await snapshot(page, "no-js-remove-member-asks-phone");
  await question.getByRole("button", { name: "Yes, go ahead" }).click();
  await expect(members.getByRole("status")).toHaveText(`${eli.person.name} was removed from the team and no longer has access to it.`);
  await expect(members.getByText(eli.person.email)).toHaveCount(0);
  await context.close();
});

test("the last owner cannot leave the team", async ({ actor }) => {
  const owner = await actor("Lone");
  await owner.teams.createTeam("Solo team");
  owner.page.once("dialog", (dialog) => dialog.accept());
  await owner.page.getByRole("button", { name: "Leave team" }).click();
  await expect(owner.page.getByRole("main").getByRole("alert")).toHaveText("You are the last owner: make someone else an owner before you leave.");
});

test("expired, revoked and mangled invite links each say what is wrong and change nothing", async ({ actor }) => {
  const owner = await actor("Ivy");
  const team = await owner.teams.createTeam("Invite edge cases");
  const expiring = await team.createInvite({ role: "viewer" });
  await expireInvite(expiring);
  const revoked = await team.createInvite({ role: "member" });
  await owner.page.reload();
  // Revoking says what it does before it does it.
  await team.invitePanel().getByText("Revoke… member invite").click();
  await expect(team.invitePanel().getByText("Nobody can join with this link any more.")).toBeVisible();
  await expect(team.invitePanel().getByText("Revoked")).toHaveCount(0);
  await team.invitePanel().getByRole("button", { name: "Yes, revoke the member invite" }).click();
  await expect(team.invitePanel().getByText("Revoked")).toBeVisible();

  const guest = await actor("Gus");
  await guest.page.goto(expiring);
  await expect(guest.page.getByRole("heading", { name: "This invite link has expired" })).toBeVisible();
  await snapshot(guest.page, "invite-expired");
  await guest.page.goto(revoked);
  await expect(guest.page.getByRole("heading", { name: "This invite link was revoked" })).toBeVisible();
  await guest.page.goto(`${expiring.slice(0, -5)}xxxxx`);
  await expect(guest.page.getByRole("heading", { name: "This invite link is not valid" })).toBeVisible();
  await guest.page.goto("/invite/not-even-close");
  await expect(guest.page.getByRole("heading", { name: "This invite link is not valid" })).toBeVisible();

  await guest.teams.goto();
  await expect(guest.page.getByText("You are not in any team yet")).toBeVisible();
});

test("bad invite settings show field errors and create nothing", async ({ actor }) => {
  const owner = await actor("Fay");
  const team = await owner.teams.createTeam("Validation team");
  const panel = team.invitePanel();
  await panel.getByLabel("Expires after (days)").fill("0");
  await panel.getByLabel("Use limit").fill("-2");
  await panel.getByRole("button", { name: "Create invite link" }).click();
  await expect(panel.getByText("An invite must last at least 1 day")).toBeVisible();
  await expect(panel.getByText("Allow at least 1 use, or leave it blank for no limit")).toBeVisible();
  await expect(panel.getByLabel("Expires after (days)")).toHaveValue("0");
  await expect(panel.getByRole("table")).toHaveCount(0);
});

test("an owner copies an earlier link again, regenerates one that was not kept, and a member's page holds no link", async ({ actor, newContext }) => {
  const owner = await actor("Rita");
  await owner.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const team = await owner.teams.createTeam("Links kept");
  const panel = team.invitePanel();
  const first = await team.createInvite({ role: "member" });
  const second = await team.createInvite({ role: "viewer" });
  // Creating the second link shows it, and the first is still in the table.
  await expect(panel.getByLabel("Invite link", { exact: true })).toHaveValue(second);
  // Each active link is folded away under its invite's row; opening one shows it to copy.
  await panel.getByText("Copy link for the member invite").click();
  await expect(panel.getByLabel("Link for the member invite")).toHaveValue(first);
  await panel.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(panel.getByText("Copied", { exact: true })).toBeVisible();
  expect(await owner.page.evaluate(() => navigator.clipboard.readText())).toBe(first);

  // The copied link works: a new person follows it and joins.
  const carlaContext = await newContext();
  const carlaPage = await carlaContext.newPage();
  await carlaPage.goto(first);
  await carlaPage.getByRole("link", { name: "Create an account and join" }).click();
  await new SignUpPage(carlaPage).signUp(newPerson("Carla"));
  await expect(carlaPage.getByRole("heading", { level: 1, name: "Links kept", exact: true })).toBeVisible();

  // A member's page carries no invite link at all, while the owner's does.
  const teamPath = new URL(carlaPage.url()).pathname;
  const token = (url: string) => new URL(url).pathname.split("/").pop()!;
  const memberHtml = await (await carlaPage.request.get(teamPath)).text();
  expect(memberHtml).toContain("Links kept");
  for (const link of [first, second]) expect(memberHtml).not.toContain(token(link));
  expect(memberHtml).not.toContain("/invite/");
  expect(await (await owner.page.request.get(teamPath)).text()).toContain(token(first));

  // A link made before links were kept says so, and regenerating it gives a new one; the old stops at once.
  await forgetInviteToken(second);
  await owner.page.reload();
  await expect(panel.getByText("Link not recoverable: regenerate it")).toBeVisible();
  await panel.getByText("Regenerate… viewer invite").click();
  await expect(panel.locator("details[open]").getByText("the current link stops working at once")).toBeVisible();
  await panel.getByRole("button", { name: "Yes, regenerate the viewer invite" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "New link made" })).toHaveText("New link made: the old one no longer works.");
  await expect(panel.getByText("Link not recoverable: regenerate it")).toHaveCount(0);
  await panel.getByText("Copy link for the viewer invite").click();
  const renewed = await panel.getByLabel("Link for the viewer invite").inputValue();
  expect(renewed).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  expect(renewed).not.toBe(second);
  await carlaPage.goto(second);
  await expect(carlaPage.getByRole("heading", { name: "This invite link is not valid" })).toBeVisible();
  await expect(owner.page.getByRole("region", { name: "Recent activity" })).toContainText("regenerated an invite link for a viewer");
  await carlaContext.close();
});

test("on a phone, an active invite's link and its actions sit in the visible width, each action asked for twice", async ({ actor }) => {
  const owner = await actor("Pia");
  const team = await owner.teams.createTeam("Pocket invites");
  await team.createInvite({ role: "member" });
  await owner.page.setViewportSize({ width: 360, height: 800 });
  await owner.page.reload();
  const panel = team.invitePanel();
  const withinScreen = async (name: string, locator: ReturnType<typeof panel.getByText>) => {
    const box = (await locator.boundingBox())!;
    expect(box.x + box.width, name).toBeLessThanOrEqual(360);
  };
  await withinScreen("copy", panel.getByText("Copy link for the member invite"));
  await withinScreen("regenerate", panel.getByText("Regenerate… member invite"));
  await withinScreen("revoke", panel.getByText("Revoke… member invite"));
  await panel.getByText("Regenerate… member invite").click();
  const confirm = panel.getByRole("button", { name: "Yes, regenerate the member invite" });
  await expect(confirm).toBeVisible();
  await withinScreen("confirm", panel.getByText("the current link stops working at once"));
  await snapshot(owner.page, "phone-invite-regenerate-confirm");
  expect(await owner.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
