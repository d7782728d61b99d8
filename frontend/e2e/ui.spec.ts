// Language switching, right-to-left Arabic, a 360×740 phone, accessibility of the main pages.
import { expect, test } from "@playwright/test";
import { ADMIN, chooseLanguage, expectAccessible, shot } from "./helpers";

test("switching to Arabic sets dir=rtl and translates the page; the choice survives a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await chooseLanguage(page, "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ضع خبرتك");
  await shot(page, "landing-ar");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await chooseLanguage(page, "es");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ponga su experiencia");
});

test.describe("phone (360×740)", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const [path, name] of [
    ["/", "landing"],
    ["/sign-up", "sign-up"],
  ] as const) {
    test(`${name} fits without horizontal scrolling and is accessible`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page, `${name} (phone)`);
      await shot(page, `${name}-360`);
      await chooseLanguage(page, "ar");
      const overflowAr = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflowAr).toBeLessThanOrEqual(0);
      await shot(page, `${name}-360-ar`);
    });
  }
});

test("the main public pages have no serious accessibility violations", async ({ page }) => {
  for (const path of ["/", "/sign-up", "/sign-in", "/forgot-password", "/reset-password?token=x", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, path);
  }
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("a deep link that needs a session asks to sign in and comes back", async ({ page }) => {
  await page.goto("/moderation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to see this page");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmoderation$/);
  await page.locator("#f-email").fill(ADMIN.email);
  await page.locator("#f-password").fill(ADMIN.password);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/moderation$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderation");
});
