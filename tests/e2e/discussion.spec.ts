import { expect, snapshot, test } from "./fixtures";
import { DecisionPage } from "./pages/decision-pages";
import { expectAxeClean } from "./support/axe";
import { bell } from "./support/mail-and-bell";
import { DESKTOP, joinThroughInvite, newSmallDecision } from "./support/team-setup";

// Two members discuss a decision: Markdown rendered safely, a mention that reaches the person, an
// edit, a removal that the history keeps, an option's own thread, and the sealing rule.

const PHONE = { width: 390, height: 844 };

test("two members discuss: Markdown safely, a mention told, an edit and a removal kept in the history, an option's own thread", async ({
  actor,
  newContext,
}) => {
  test.slow();
  const owner = await actor("Ines", { viewport: DESKTOP });
  const team = await owner.teams.createTeam("Discussing team");
  const inviteUrl = await team.createInvite({ role: "member" });
  const kai = await joinThroughInvite(newContext, inviteUrl, "Kai", PHONE);
  const decisionUrl = await newSmallDecision(owner.page, "Job queue library");
  await new DecisionPage(owner.page).advance("Open weighting", "Weighting");

  // Ines writes, mentioning Kai, with Markdown and an attempt at script and a javascript: link.
  const discussion = owner.page.getByRole("region", { name: "Discussion" });
  await discussion
    .getByLabel("Add to the discussion")
    .fill(
      `@${kai.person.name} how did **Flask** do for you? <script>window.pwned = 1</script> [docs](https://flask.palletsprojects.com) [trap](javascript:alert(1))`,
    );
  await discussion.getByRole("button", { name: "Post comment" }).click();
  const first = discussion.getByRole("article", { name: `Comment by ${owner.person.name}` });
  await expect(first.locator("strong")).toHaveText("Flask");
  await expect(discussion.getByLabel("Add to the discussion")).toHaveValue("");
  const docs = first.getByRole("link", { name: "docs" });
  await expect(docs).toHaveAttribute("rel", "noopener nofollow ugc");
  await expect(first.locator("script")).toHaveCount(0);
  expect((await first.getByRole("link", { name: "trap" }).getAttribute("href")) ?? "").not.toMatch(/javascript:/i);
  expect(await owner.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  // Before the reveal a comment may not quote a score.
  await discussion.getByLabel("Add to the discussion").fill("I'd give Koa 2/5");
  await discussion.getByRole("button", { name: "Post comment" }).click();
  await expect(discussion.getByText("Until the reveal, keep scores and weights out of the discussion").first()).toBeVisible();

  // Kai, on a phone, is told of the mention and answers in the thread.
  await expect(async () => {
    await kai.page.goto("/teams");
    await expect(bell(kai.page)).toHaveAccessibleName(/Notifications, \d+ unread/, { timeout: 1_000 });
    await bell(kai.page).click();
    await expect(kai.page.getByRole("button", { name: /You were mentioned in the discussion of “Job queue library”/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await kai.page.getByRole("button", { name: /You were mentioned in the discussion of “Job queue library”/ }).click();
  await kai.page.waitForURL(`${decisionUrl}#discussion`);
  const kaisView = kai.page.getByRole("region", { name: "Discussion" });
  await kaisView.getByLabel("Add to the discussion").fill("It was fine, but the async story is weak.");
  await kaisView.getByRole("button", { name: "Post comment" }).click();
  const answer = kaisView.getByRole("article", { name: `Comment by ${kai.person.name}` });
  await expect(answer).toContainText("async story is weak");

  // Kai edits it, then removes it; the history keeps that a comment was removed.
  await answer.getByText("Edit").click();
  await answer.getByLabel("Your comment").fill("It was fine; the async story is weak, though.");
  await answer.getByRole("button", { name: "Save changes" }).click();
  await expect(answer).toContainText("edited");
  await expect(answer).toContainText("the async story is weak, though.");
  await expectAxeClean(kai.page);
  await snapshot(kai.page, "discussion-phone");

  kai.page.once("dialog", (dialog) => dialog.accept());
  await answer.getByRole("button", { name: "Remove" }).click();
  await expect(answer).toContainText("Comment removed by its author.");
  await expect(new DecisionPage(kai.page).timeline()).toContainText(`Comment removed by ${kai.person.name}`);

  // An option's own thread, from the decision's.
  await owner.page.reload();
  await owner.page.getByRole("region", { name: "Discussion" }).getByRole("link", { name: "Koa" }).click();
  await expect(owner.page.getByRole("heading", { level: 1, name: "Discussing Koa" })).toBeVisible();
  const optionThread = owner.page.getByRole("region", { name: "Discussion of Koa" });
  await optionThread.getByLabel("Add to the discussion").fill("Koa needs more glue code than we like.");
  await optionThread.getByRole("button", { name: "Post comment" }).click();
  await expect(optionThread.getByRole("article")).toContainText("more glue code");
  await expect(owner.page.getByRole("region", { name: "Evidence from the scores" })).toContainText("sealed with the scores");
  await expectAxeClean(owner.page);
  await snapshot(owner.page, "discussion-option");
  await owner.page.emulateMedia({ colorScheme: "dark" });
  await expectAxeClean(owner.page);
  await snapshot(owner.page, "discussion-option-dark");
});

test("without JavaScript, an oversized comment is refused with its reason and nothing posted, and a comment is posted and rendered", async ({
  actor,
  newContext,
}) => {
  test.slow();
  const owner = await actor("Noor", { viewport: DESKTOP });
  await owner.teams.createTeam("Script-free talkers");
  const decisionUrl = await newSmallDecision(owner.page, "Search engine");
  const storageState = await owner.page.context().storageState();
  const page = await (await newContext({ javaScriptEnabled: false, storageState, viewport: PHONE })).newPage();
  await page.goto(decisionUrl);
  const discussion = page.getByRole("region", { name: "Discussion" });

  // The browser's own length limit is lifted, as a hand-made request would: the server refuses it.
  await discussion.getByLabel("Add to the discussion").evaluate((box) => box.removeAttribute("maxlength"));
  await discussion.getByLabel("Add to the discussion").fill("x".repeat(5001));
  await discussion.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("region", { name: "Discussion" }).getByText("Use at most 5000 characters for a comment")).toBeVisible();
  await expect(page.getByRole("region", { name: "Discussion" }).getByRole("article")).toHaveCount(0);

  await page.getByRole("region", { name: "Discussion" }).getByLabel("Add to the discussion").fill("Elastic or Meilisearch? _Meili_ is lighter.");
  await page.getByRole("region", { name: "Discussion" }).getByRole("button", { name: "Post comment" }).click();
  const comment = page.getByRole("region", { name: "Discussion" }).getByRole("article", { name: `Comment by ${owner.person.name}` });
  await expect(comment.locator("em")).toHaveText("Meili");
  await snapshot(page, "discussion-no-js-phone");
});
