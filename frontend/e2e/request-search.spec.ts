// Request search in the browser, on the real server: a request published through the API is
// found by a visitor who opens "Find requests" from the header and types a word of its title;
// the hit shows the word in a <mark>, the query lives in the URL (a reload keeps it), a filter
// narrows and widens, the hit opens the request. axe-core; 360 px left to right and in Arabic.
import { expect, test, type Page } from "@playwright/test";
import { person, publishedRequest, skillId } from "./api";
import { chooseLanguage, expectAccessible, shot } from "./helpers";

test.describe.configure({ mode: "serial" });
test.setTimeout(90_000);

const stamp = Date.now().toString(36);
const word = `Zanzibarite${stamp}`;
const title = `Seaweed farming cooperative ${word}`;
let requestId = "";

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test("a visitor finds an approved request by a word of its title, with the word highlighted", async ({ page, request }) => {
  const staff = await person(request, "INSTITUTION", "Mwanaisha Juma", "rs-staff");
  ({ requestId } = await publishedRequest(request, staff, title, await skillId(request, "aquaculture")));

  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Find requests" }).click();
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find requests for help");
  const box = page.getByLabel("Search by subject, skill or institution");
  const hit = page.locator("article.hit", { hasText: title });
  // The request index follows the database within about a second: type again until it shows.
  await expect(async () => {
    await box.fill("");
    await box.fill(word.toLowerCase());
    await expect(hit).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`/requests\\?q=${word.toLowerCase()}$`));
  await expect(hit.locator("mark").first()).toContainText(new RegExp(word, "i"));
  await expect(hit).toContainText("A project together");
  await expect(hit).toContainText("Remotely");
  await expectAccessible(page, "request search");
  await shot(page, "request-search");

  await page.reload();
  await expect(box).toHaveValue(word.toLowerCase());
  await expect(hit).toBeVisible();
  // A filter the request does not meet empties the list; clearing it brings the request back.
  await page.getByLabel("Mentoring").click();
  await expect(page.getByLabel("Mentoring")).toBeChecked();
  await expect(page).toHaveURL(/kind=MENTORING/);
  await expect(page.getByText("No open request matches your search.")).toBeVisible();
  await page.getByRole("button", { name: "Clear all filters" }).click();
  await expect(hit).toBeVisible();

  await hit.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${requestId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("the request search fits a 360 px phone, left to right and right to left", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/requests?q=${word.toLowerCase()}`);
  await expect(page.locator("article.hit", { hasText: title })).toBeVisible();
  await noHorizontalScroll(page);
  await chooseLanguage(page, "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("البحث عن طلبات المساعدة");
  await expect(page.locator("article.hit", { hasText: title })).toBeVisible();
  await noHorizontalScroll(page);
  await expectAccessible(page, "request search (Arabic, 360 px)");
  await shot(page, "request-search-360-ar");
});
