import { expect, type Page } from "@playwright/test";

export type Person = { name: string; email: string; password: string };

let counter = 0;
export function newPerson(label: string): Person {
  const unique = `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `${label} Tester`, email: `${label.toLowerCase()}-${unique}@example.test`, password: "correct horse battery" };
}

export class SignUpPage {
  constructor(readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up");
  }

  async fill(person: Partial<Person>) {
    if (person.name !== undefined) await this.page.getByLabel("Name").fill(person.name);
    if (person.email !== undefined) await this.page.getByLabel("Email").fill(person.email);
    if (person.password !== undefined) await this.page.getByLabel("Password").fill(person.password);
  }

  async submit() {
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signUp(person: Person) {
    await this.fill(person);
    await this.submit();
  }
}

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/sign-in");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    // Wait for the server action's answer: the previous message may already say the same thing.
    const answered = this.page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in"));
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await answered;
  }

  alert() {
    // Scoped to main: Next's route announcer is also an alert.
    return this.page.getByRole("main").getByRole("alert");
  }
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}
