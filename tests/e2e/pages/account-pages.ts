import { expect, type Page } from "@playwright/test";

export class AccountPage {
  constructor(readonly page: Page) {}

  /** Through the header link, as a person would. */
  async open() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  }

  sessions() {
    return this.page.getByRole("region", { name: "Where you are signed in" }).getByRole("listitem");
  }

  async signOutEverywhere() {
    await this.page.getByRole("button", { name: "Sign out of every device" }).click();
    await expect(this.page).toHaveURL(/\/sign-in/);
  }

  async changePassword(current: string, next: string, confirm = next) {
    const form = this.page.getByRole("region", { name: "Change password" });
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel("New password", { exact: true }).fill(next);
    await form.getByLabel("Confirm new password").fill(confirm);
    await form.getByRole("button", { name: "Change password" }).click();
  }
}
