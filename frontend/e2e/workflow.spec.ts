// The whole cross-role journey in the browser, on the real server: institution staff sign up
// and add their institution, the administrator (acting as moderator) verifies it; the staff
// write a request and submit it; the moderator approves it; an expert signs up, fills a
// profile, finds the request among their recommendations and applies; the institution sees the
// expert among the ranked matches and accepts; they exchange messages; the expert records the
// work as completed with the hours given; the institution closes the request; the network
// insight dashboard counts the hours. axe-core on every new page, a 360 px pass, screenshots.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, PASSWORD, chooseLanguage, expectAccessible, shot, signIn, signOut, tokenFromMail, unique } from "./helpers";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const stamp = Date.now().toString(36);
const staffEmail = unique("wf-staff");
const expertEmail = unique("wf-expert");
const institutionName = `Kwame Nkrumah Water Institute ${stamp}`;
const title = `Groundwater model for the Volta basin ${stamp}`;
const expertName = "Efua Mensah-Boateng";
let requestPath = "";
let engagementPath = "";

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

async function signUp(page: Page, role: "expert" | "staff", name: string, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel(role === "expert" ? "An expert living abroad" : "Staff of an institution").check();
  await page.getByLabel("Your name").fill(name);
  await page.locator("#f-email").fill(email);
  await page.locator("#f-password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is created");
  await page.goto(`/verify-email?token=${await tokenFromMail(email, "verify-email")}`);
  await expect(page.getByText("Your email address is confirmed")).toBeVisible();
}

async function pickSkill(page: Page, text: string, option: RegExp) {
  const combo = page.getByRole("combobox", { name: "Add a skill" });
  await combo.fill(text);
  await expect(page.getByRole("option", { name: option })).toBeVisible();
  await page.getByRole("option", { name: option }).click();
}

test("institution staff sign up and add their institution; the moderator verifies it", async ({ page }) => {
  await signUp(page, "staff", "Kofi Asante", staffEmail);
  await page.goto("/institutions/new");
  await page.getByLabel("Official name").fill(institutionName);
  await page.getByLabel("Kind of organisation").selectOption("RESEARCH_CENTRE");
  await page.locator("#f-country").selectOption("GH");
  await page.getByLabel("City").fill("Kumasi");
  await page.getByLabel("What it does and what it needs").fill("Water resources research for the Volta basin.");
  await page.getByRole("button", { name: "Add the institution" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(institutionName);
  // Not verified yet: no request can be written.
  await expect(page.getByRole("link", { name: "Write a new request" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/moderation");
  await expect(page.getByRole("heading", { name: "Requests to review" })).toBeVisible();
  await page.locator("article.card", { hasText: institutionName }).getByRole("button", { name: /Approve/ }).click();
  await expect(page.getByText(`${institutionName} is verified.`)).toBeVisible();
});

test("the institution writes a request, saves the draft and submits it for review", async ({ page }) => {
  await signIn(page, staffEmail, PASSWORD);
  await expect(page.getByRole("heading", { name: "Your institutions' requests" })).toBeVisible();
  await page.getByRole("link", { name: /Write a new request/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write a new request");

  // Nothing filled in: the error summary names the fields and takes focus.
  await page.getByRole("button", { name: "Save the draft" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(4);
  await summary.getByRole("link", { name: /Skills needed/ }).click();
  await expect(page.getByRole("combobox", { name: "Add a skill" })).toBeFocused();

  await page.getByLabel("Kind of help").selectOption("PROJECT");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("What is needed and why").fill("We are building a groundwater model of the Volta basin and need an experienced modeller to guide our team.");
  await pickSkill(page, "model groundwater", /^model groundwater/);
  await expect(page.locator(".skill-row")).toHaveCount(1);
  await page.locator("#f-skills-0-minLevel").selectOption("3");
  await page.getByRole("button", { name: "Add a language" }).click();
  await page.locator("#f-languages-0").selectOption("en");
  await page.getByLabel("Remotely", { exact: true }).check();
  await page.getByLabel(/Hours a month asked/).fill("10");
  // A last day before the first is caught before sending.
  await page.getByLabel(/First day/).fill("2027-03-01");
  await page.getByLabel(/Last day/).fill("2027-01-31");
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.locator("#f-endsOn-error")).toContainText("The last day cannot be before the first day.");
  await page.getByLabel(/Last day/).fill("2027-06-30");
  await expectAccessible(page, "request form");
  await shot(page, "request-form");
  await page.getByRole("button", { name: "Save the draft" }).click();

  await expect(page).toHaveURL(/\/requests\/[^/?]+\?saved=1/);
  requestPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".lifecycle .chip")).toHaveText("Draft");
  await expect(page.locator(".track [aria-current=step]")).toHaveText("Draft");
  await expect(page.getByText("model groundwater")).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Your request is submitted.")).toBeVisible();
  await expect(page.locator(".lifecycle .chip")).toHaveText("Waiting for review");
  await expect(page.getByRole("link", { name: "Change the draft" })).toHaveCount(0);
  await expectAccessible(page, "request page (member, in review)");
  await shot(page, "request-in-review");
});

test("the moderator approves the request from the review queue", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/moderation");
  const card = page.locator("article.card", { hasText: title });
  await expect(card).toBeVisible();
  await card.getByText("Show the whole request").click();
  await expect(card).toContainText("model groundwater");
  await expectAccessible(page, "moderation with request queue");
  await shot(page, "moderation-requests");
  await card.getByRole("button", { name: /Approve/ }).click();
  await expect(page.getByText(`“${title}” is published`)).toBeVisible();
  await expect(page.locator("article.card", { hasText: title })).toHaveCount(0);
});

test("an expert signs up, fills a profile, finds the request recommended and applies", async ({ page }) => {
  // Anyone can read the published request; applying needs an expert account.
  await page.goto(requestPath);
  await expect(page.locator(".lifecycle .chip")).toHaveText("Open to experts");
  await expect(page.getByRole("link", { name: "Sign in as an expert to offer your help." })).toBeVisible();
  await expectAccessible(page, "request page (public)");
  // The published request's skill now counts as demand in the skills gap.
  await page.goto("/insight");
  const gap = page.locator("section", { has: page.getByRole("heading", { name: "The skills gap" }) });
  await gap.getByText("Show the numbers as a table").click();
  await expect(gap.getByRole("row", { name: /model groundwater/ }).getByRole("cell").first()).toHaveText("1");
  await shot(page, "insight-skills-gap");

  await signUp(page, "expert", expertName, expertEmail);
  await page.goto("/me/profile");
  await page.getByLabel("Headline").fill("Hydrogeologist, groundwater modelling in West Africa");
  await page.getByLabel("About you").fill("Twelve years of groundwater modelling.");
  await page.locator("#f-residenceCountry").selectOption("NL");
  await page.getByRole("button", { name: "Add a country of origin" }).click();
  await page.locator("#f-originCountries-0").selectOption("GH");
  await page.getByRole("button", { name: "Add a language" }).click();
  await page.locator("#f-languages-0").selectOption("en");
  await pickSkill(page, "model groundwater", /^model groundwater/);
  await page.locator("#f-skills-0-level").selectOption("4");
  await page.getByLabel("Remotely, from where I live").check();
  await page.getByLabel("Hours a month you can give").fill("12");
  await page.getByLabel("Everyone").check();
  await page.getByRole("button", { name: "Save your profile" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();

  await page.getByRole("navigation").getByRole("link", { name: "Dashboard" }).click();
  const rec = page.locator("article.rec", { hasText: title });
  await expect(rec).toBeVisible();
  await expect(rec).toContainText("Skill: model groundwater");
  await expect(rec).toContainText("Speaks English");
  await expect(rec).toContainText("In Ghana, where you come from");
  await expectAccessible(page, "expert dashboard");
  await shot(page, "dashboard-expert");
  await rec.getByRole("link", { name: title }).click();

  await expect(page.getByRole("heading", { name: "Offer your help" })).toBeVisible();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator("#f-apply-message-error")).toHaveText(/Fill in this field/);
  await page.getByLabel("Your message to the institution").fill("I have modelled the Pra and Ankobra aquifers and can give ten hours a month.");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Your application is sent.")).toBeVisible();
  await expect(page.locator("section", { has: page.getByRole("heading", { name: "Offer your help" }) }).locator(".chip")).toHaveText("Applied");
  await expect(page.getByRole("button", { name: "Apply" })).toHaveCount(0);
});

test("the institution sees the ranked match with reasons and accepts; they exchange messages", async ({ page }) => {
  await signIn(page, staffEmail, PASSWORD);
  await page.goto(requestPath);
  // The expert index follows the database within about a second. Each reload waits until the
  // session is resumed: reloading while the refresh token is being rotated would lose the new
  // one, and the server ends a session whose refresh token is used twice.
  const match = page.locator("article.hit", { hasText: expertName });
  await expect(page.locator("nav .link-button")).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.locator("nav .link-button")).toBeVisible();
    await expect(match).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(match).toContainText("Skill: model groundwater");
  await expect(match).toContainText("Originally from Ghana");
  await expect(match.locator(".chip").filter({ hasText: "Applied" })).toBeVisible();
  await expectAccessible(page, "request page (member, open)");
  await shot(page, "request-matches");

  await page.locator("section", { has: page.getByRole("heading", { name: "Engagements", exact: true }) }).getByRole("link", { name: expertName }).click();
  await expect(page).toHaveURL(/\/engagements\//);
  engagementPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${expertName} with ${institutionName}`);
  await expect(page.getByText("Next: the institution accepts or declines the application.")).toBeVisible();
  await expect(page.getByText("Shown to the institution once the engagement is accepted.")).toBeVisible();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("Accepted. The work can start")).toBeVisible();
  await expect(page.locator(".lifecycle .chip")).toHaveText("Accepted, work under way");
  await expect(page.getByRole("link", { name: expertEmail })).toBeVisible();

  const text = "Welcome! <b>This is not bold</b>\nCan we meet on Monday?";
  await page.getByLabel("Write to the other side").fill(text);
  await page.getByRole("button", { name: "Send" }).click();
  const mine = page.locator(".msg-mine .msg-body");
  await expect(mine).toHaveText(text);
  expect(await page.locator(".thread b").count()).toBe(0);
  await expect(page.getByLabel("Write to the other side")).toHaveValue("");
  await expectAccessible(page, "engagement page");
  await shot(page, "engagement-institution");
  await signOut(page);

  await signIn(page, expertEmail, PASSWORD);
  const row = page.locator("section", { has: page.getByRole("heading", { name: "Your engagements" }) }).getByRole("link", { name: title });
  await row.click();
  await expect(page).toHaveURL(new RegExp(`${engagementPath}(\\?|$)`));
  await expect(page.locator(".msg .msg-body").first()).toHaveText(text);
  await page.getByLabel("Write to the other side").fill("Monday works. I will send the data plan first.");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.locator(".msg-mine .msg-body")).toHaveText("Monday works. I will send the data plan first.");
  await expect(page.locator(".msg")).toHaveCount(2);
});

test("the expert records the work as completed with the hours given; the phone view fits", async ({ page }) => {
  await signIn(page, expertEmail, PASSWORD);
  await page.goto(engagementPath);
  await page.getByRole("button", { name: "Record as completed" }).click();
  await expect(page.locator("#f-hoursGiven-error")).toHaveText(/Fill in this field/);
  await page.getByLabel(/^Hours given/).fill("24");
  await page.getByLabel(/^Feedback/).fill("The team now runs the model on its own.");
  await page.getByRole("button", { name: "Record as completed" }).click();
  await expect(page.getByText("Recorded as completed. Thank you.")).toBeVisible();
  await expect(page.locator(".lifecycle .chip")).toHaveText("Completed");
  await expect(page.getByText("Hours given: 24")).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);

  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noHorizontalScroll(page);
  await shot(page, "engagement-360");
  await chooseLanguage(page, "ar");
  await expect(page.locator(".lifecycle .chip")).toHaveText("مكتمل");
  await noHorizontalScroll(page);
  await shot(page, "engagement-360-ar");
});

test("the institution closes the request as completed", async ({ page }) => {
  await signIn(page, staffEmail, PASSWORD);
  await page.goto(requestPath);
  await page.getByRole("button", { name: "Mark the request completed" }).click();
  await page.getByRole("button", { name: "Yes, it is completed" }).click();
  await expect(page.getByText("The request is completed.")).toBeVisible();
  await expect(page.locator(".lifecycle .chip")).toHaveText("Completed");
  await page.setViewportSize({ width: 360, height: 740 });
  await noHorizontalScroll(page);
  await shot(page, "request-completed-360");
});

test("the landing page's live numbers lead to the network insight dashboard", async ({ page }) => {
  await page.goto("/");
  const stats = page.locator("section", { has: page.getByRole("heading", { name: "The network in numbers" }) });
  await expect(stats.locator(".figure", { hasText: "Hours given" }).locator("dd")).not.toHaveText("0");
  await stats.getByRole("link", { name: "See the network in detail" }).click();
  await expect(page).toHaveURL(/\/insight$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The network in numbers");
  await expect(page.locator("canvas[role=img]").first()).toBeVisible();
  await expect(page.locator(".figure", { hasText: "Engagements completed" }).locator("dd")).not.toHaveText("0");
  const residence = page.locator("section", { has: page.getByRole("heading", { name: "Where experts live" }) });
  await residence.getByText("Show the numbers as a table").click();
  await expect(residence.getByRole("row", { name: /Netherlands/ })).toBeVisible();
  const origin = page.locator("section", { has: page.getByRole("heading", { name: "Where experts come from" }) });
  await origin.getByText("Show the numbers as a table").click();
  await expect(origin.getByRole("row", { name: /Ghana/ })).toBeVisible();
  // The month's row of the time series counts the engagement and its 24 hours (other specs
  // sharing this server may add engagements of their own).
  const work = page.locator("section", { has: page.getByRole("heading", { name: "Engagements and hours", exact: true }) });
  await expect(work.locator("canvas[role=img]")).toBeVisible();
  await work.getByText("Show the numbers as a table").click();
  const month = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());
  const [started, completed, hours] = (await work.getByRole("row", { name: month }).getByRole("cell").allInnerTexts()).map((c) => Number(c.replace(/\D/g, "")));
  expect(started).toBeGreaterThanOrEqual(1);
  expect(completed).toBeGreaterThanOrEqual(1);
  expect(hours).toBeGreaterThanOrEqual(24);
  await work.getByLabel("Period").selectOption("24");
  await expect(page).toHaveURL(/months=24/);
  await expect(work.getByRole("row")).toHaveCount(25);
  await expectAccessible(page, "network insight");
  await shot(page, "insight");

  await page.setViewportSize({ width: 360, height: 740 });
  await chooseLanguage(page, "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الشبكة بالأرقام");
  await noHorizontalScroll(page);
  await shot(page, "insight-360-ar");
});
