import { expect, snapshot, test } from "./fixtures";
import { newPerson, SignInPage, SignUpPage, signOut } from "./pages/auth-pages";

test("a new person signs up, signs out and signs back in", async ({ page }) => {
  const person = newPerson("Sam");
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await snapshot(page, "sign-up");
  await signUp.signUp(person);
  await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
  await snapshot(page, "teams-empty");
  await signOut(page);
  const signIn = new SignInPage(page);
  await signIn.signIn(person.email.toUpperCase(), person.password);
  await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
});

test("sign-up shows a message per bad field and keeps what was typed", async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.fill({ name: "   ", email: "not-an-email", password: "short" });
  await signUp.submit();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like name@example.com")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Password")).toHaveValue("short");
  await snapshot(page, "sign-up-errors");
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("alice@example.com", "wrong-password");
  await expect(signIn.alert()).toHaveText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue("alice@example.com");
  await snapshot(page, "sign-in-wrong-password");
  await signIn.signIn("nobody-here@example.com", "wrong-password");
  await expect(signIn.alert()).toHaveText("That email and password do not match an account.");
});

test("repeated failures for one email are refused for a while", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  const email = newPerson("Locked").email;
  for (let attempt = 1; attempt < 5; attempt++) {
    await signIn.signIn(email, `guess-${attempt}`);
    await expect(signIn.alert()).toHaveText("That email and password do not match an account.");
  }
  await signIn.signIn(email, "guess-5");
  await expect(signIn.alert()).toHaveText(/Too many failed sign-in attempts for this email\. Try again in 15 minutes\./);
});

test("a client cannot dodge the limit by sending its own X-Forwarded-For", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  const email = newPerson("Spoofer").email;
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${attempt}`, "X-Verdict-Socket-Address": `192.0.2.${attempt}` });
    await signIn.signIn(email, `guess-${attempt}`);
  }
  await expect(signIn.alert()).toHaveText(/Too many failed sign-in attempts for this email\./);
});

test("a production server never shows the demo password, though the demo accounts exist", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await expect(page.getByRole("heading", { name: "Sign in to Verdict" })).toBeVisible();
  await expect(page.getByText("verdict-demo")).toHaveCount(0);
  await expect(page.getByRole("complementary")).toHaveCount(0);
  await snapshot(page, "sign-in");
  await signIn.signIn("chen@example.com", "verdict-demo");
  await page.getByRole("link", { name: "Acme Platform" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Platform" })).toBeVisible();
});

test("signed-out visitors are sent to sign in and come back after", async ({ page }) => {
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await new SignInPage(page).signIn("bilal@example.com", "verdict-demo");
  await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
});

test("the framework catalog lists the ten frameworks", async ({ page }) => {
  await page.goto("/frameworks");
  const names = ["Django", "Express", "Laravel", "Spring Boot", "Ruby on Rails", "ASP.NET Core", "Flask", "Phoenix", "NestJS", "Koa"];
  for (const name of names) await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  await expect(page.getByRole("article", { name: "Phoenix" })).toContainText("Discord");
  await snapshot(page, "frameworks");
});
