import { expect, type Page } from "@playwright/test";
import type { Role } from "../../../lib/auth/roles";

export class TeamsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/teams");
  }

  async createTeam(name: string) {
    await this.page.getByLabel("Team name").fill(name);
    await this.page.getByRole("button", { name: "Create team" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
    return new TeamPage(this.page);
  }
}

export class TeamPage {
  constructor(readonly page: Page) {}

  members() {
    return this.page.getByRole("region", { name: /Members/ });
  }

  memberRow(name: string) {
    return this.members().getByRole("row").filter({ hasText: name });
  }

  invitePanel() {
    return this.page.getByRole("region", { name: "Invite people" });
  }

  async createInvite(options: { role?: Role; days?: string; maxUses?: string } = {}) {
    const panel = this.invitePanel();
    if (options.role) await panel.getByLabel("Role").selectOption(options.role);
    if (options.days !== undefined) await panel.getByLabel("Expires after (days)").fill(options.days);
    if (options.maxUses !== undefined) await panel.getByLabel("Use limit").fill(options.maxUses);
    const link = panel.getByLabel("Invite link");
    const previous = (await link.count()) > 0 ? await link.inputValue() : null;
    await panel.getByRole("button", { name: "Create invite link" }).click();
    await expect(link).toHaveValue(/^http.*\/invite\/[A-Za-z0-9_-]{43}$/);
    if (previous) await expect(link).not.toHaveValue(previous);
    return link.inputValue();
  }
}
