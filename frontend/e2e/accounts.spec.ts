// Password reset from the mail sink, and adding a colleague to an institution.
import { expect, test } from "@playwright/test";
import { PASSWORD, expectAccessible, register, signIn, signOut, tokenFromMail, unique, verify } from "./helpers";

test("a forgotten password is reset with the mailed link, then the new one signs in", async ({ page }) => {
  const email = unique("forgetful");
  await register(page.request, email, "EXPERT", "Forgetful Expert");

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await page.getByLabel("Email address").fill(email);
  await expectAccessible(page, "forgot password");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText(`If ${email} belongs to an account`)).toBeVisible();

  const token = await tokenFromMail(email, "reset-password");
  await page.goto(`/reset-password?token=${token}`);
  await page.getByRole("button", { name: "Save the password" }).click();
  await expect(page.locator("#f-password-error")).toHaveText(/at least 10 characters/);
  await page.getByLabel("New password").fill("a brand new long password");
  await page.getByRole("button", { name: "Save the password" }).click();
  await expect(page.getByText("Your password is saved.")).toBeVisible();

  // The used link is refused with a clear message.
  await page.goto(`/reset-password?token=${token}`);
  await page.getByLabel("New password").fill("yet another long password");
  await page.getByRole("button", { name: "Save the password" }).click();
  await expect(page.locator(".error-summary")).toContainText("ask for a new one");

  // The old password no longer works; the new one does.
  await page.goto("/sign-in");
  await page.locator("#f-email").fill(email);
  await page.locator("#f-password").fill(PASSWORD);
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("#f-password-error")).toHaveText(/not right/);
  await signIn(page, email, "a brand new long password");
});

test("institution staff add a colleague by email", async ({ page }) => {
  const staff = unique("registrar");
  const colleague = unique("colleague");
  await register(page.request, staff, "INSTITUTION", "Registrar");
  await register(page.request, colleague, "INSTITUTION", "Colleague");
  await signIn(page, staff, PASSWORD);
  // An unconfirmed account is told to confirm first, and the server refuses (FORBIDDEN).
  await page.goto("/institutions/new");
  await expect(page.getByText("Confirm your email address first")).toBeVisible();
  for (const email of [staff, colleague]) await verify(page.request, await tokenFromMail(email, "verify-email"));
  await page.reload();
  await expect(page.getByText("Confirm your email address first")).toHaveCount(0);
  await page.getByLabel("Official name").fill(`Hôpital ${Date.now().toString(36)}`);
  await page.getByLabel("Kind of organisation").selectOption("HOSPITAL");
  await page.locator("#f-country").selectOption("CM");
  await page.getByLabel("What it does and what it needs").fill("A teaching hospital.");
  await page.getByRole("button", { name: "Add the institution" }).click();
  await expect(page.getByRole("heading", { name: "Add a colleague" })).toBeVisible();
  const url = page.url();

  await page.getByLabel("Your colleague's email address").fill(colleague);
  await page.getByRole("button", { name: "Add colleague" }).click();
  await expect(page.getByText(`${colleague} is now a member of this institution.`)).toBeVisible();

  await signOut(page);
  await signIn(page, colleague, PASSWORD);
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Add a colleague" })).toBeVisible();
});
