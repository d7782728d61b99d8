// Expert search on the real server: an expert signs up, confirms, saves a PUBLIC profile
// with a distinctive headline and a skill; an anonymous visitor finds them by a word of the
// headline (highlighted with <mark>), narrows by country of residence through its facet and
// opens the profile. The server indexes a saved profile within about a second: the search is
// repeated until the hit appears (auto-waiting expect, no sleeps).
import { expect, test } from "@playwright/test";
import { PASSWORD, expectAccessible, register, shot, signIn, tokenFromMail, unique, verify } from "./helpers";

test.describe.configure({ mode: "serial" });

const email = unique("searchable");
// A word nobody else uses, letters only, so it matches this expert alone.
const word = `glacio${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
const headline = `Glaciologist reading ${word} ice cores`;
const name = "Sigrún Baptiste";

test("an expert saves a public profile with a distinctive headline and a skill", async ({ page }) => {
  await register(page.request, email, "EXPERT", name);
  await verify(page.request, await tokenFromMail(email, "verify-email"));
  await signIn(page, email, PASSWORD);
  await page.goto("/me/profile");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("About you").fill("Ice, climate and water supply in mountain regions.");
  await page.locator("#f-residenceCountry").selectOption("IS");
  await page.getByRole("button", { name: "Add a country of origin" }).click();
  await page.locator("#f-originCountries-0").selectOption("CV");
  const combo = page.getByRole("combobox", { name: "Add a skill" });
  await combo.fill("hydrology");
  await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
  await combo.press("ArrowDown");
  await combo.press("Enter");
  await expect(page.locator(".skill-row")).toHaveCount(1);
  await page.getByLabel("Remotely, from where I live").check();
  await page.getByLabel("Everyone").check();
  await page.getByRole("button", { name: "Save your profile" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();
});

test("an anonymous visitor finds the expert, filters by a facet and opens the profile", async ({ page }) => {
  const hit = page.locator("article.hit", { hasText: name });
  // Repeat the search until the server has indexed the profile.
  await expect(async () => {
    await page.goto("/");
    await page.getByRole("navigation").getByRole("link", { name: "Find experts" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find experts");
    await page.getByLabel("Search by skill, subject or name").fill(word);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
    await expect(hit).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });

  await expect(hit.locator("mark").first()).toHaveText(new RegExp(word, "i"));
  await expect(hit).toContainText(headline);
  await expect(hit).toContainText("Lives in Iceland");
  await expect(hit).toContainText("Originally from Cape Verde");
  await expect(hit).toContainText("Remote OK");
  await expect(page.getByRole("status").filter({ hasText: "Experts found" })).toHaveText("Experts found: 1. Shown: 1.");

  // The residence facet lists Iceland with its count; choosing it keeps the expert and goes
  // into the URL, which survives a reload.
  const iceland = page.getByRole("checkbox", { name: "Iceland (1)" });
  // The box is controlled by the URL, so its state follows a moment after the click.
  await iceland.click();
  await expect(page).toHaveURL(/[?&]residence=IS/);
  await expect(page.getByRole("checkbox", { name: /^Iceland/ })).toBeChecked();
  await expect(hit).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Search by skill, subject or name")).toHaveValue(word);
  await expect(page.getByRole("checkbox", { name: /^Iceland/ })).toBeChecked();
  await expect(hit).toBeVisible();
  await expectAccessible(page, "search");
  await shot(page, "search");

  await hit.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/experts\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(headline)).toBeVisible();
});

test("the search page fits a 360 px phone, left to right and right to left", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/search?q=${word}`);
  await expect(page.locator("article.hit")).toHaveCount(1);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await shot(page, "search-360");
  await page.locator("#lang-select").selectOption("ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("البحث عن خبراء");
  expect(await overflow()).toBeLessThanOrEqual(0);
  await shot(page, "search-360-ar");
});
