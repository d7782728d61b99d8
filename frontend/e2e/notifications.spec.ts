// Notifications in the browser, on the real server: an institution invites an expert (through
// the API); the expert signs in, the header's bell counts it, the notifications page lists it
// and following it opens the engagement (and marks it read, the bell goes back to zero); the
// institution's staff mark all theirs read with "only unread" kept in the URL. axe-core on the
// page, 360 px in Arabic, screenshots.
import { expect, test } from "@playwright/test";
import { gql, person, profile, publishedRequest, skillId, type Person } from "./api";
import { PASSWORD, chooseLanguage, expectAccessible, sessionResumed, shot, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });
test.setTimeout(90_000);

const stamp = Date.now().toString(36);
let staff: Person;
let expert: Person;
let engagementId = "";
const title = `Irrigation scheduling for the Accra plains ${stamp}`;

test("the invited expert sees the bell's count, the notification, and opens the engagement from it", async ({ page, request }) => {
  const skill = await skillId(request, "irrigation");
  staff = await person(request, "INSTITUTION", "Ama Owusu", "nt-staff");
  expert = await person(request, "EXPERT", "Yaw Boateng", "nt-expert");
  const { requestId } = await publishedRequest(request, staff, title, skill);
  const expertProfile = await profile(request, expert, "Irrigation engineer", skill);
  const inv = await gql<{ inviteExpert: { id: string } }>(
    request,
    "mutation($r: ID!, $e: ID!, $m: String!) { inviteExpert(requestId: $r, expertId: $e, message: $m) { id } }",
    { r: requestId, e: expertProfile, m: "Would you help us plan the irrigation?" },
    staff.token,
  );
  engagementId = inv.inviteExpert.id;

  await signIn(page, expert.email, PASSWORD);
  const bell = page.getByRole("link", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await expect(bell.locator(".badge")).toHaveText("1");
  // The dashboard shows the newest unread ones too.
  await expect(page.getByRole("heading", { name: "New for you" })).toBeVisible();

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  await expect(page.getByText("Unread: 1")).toBeVisible();
  const item = page.locator("li.notification", { hasText: title });
  await expect(item.getByRole("link", { name: "You are invited" })).toBeVisible();
  await expect(item.locator(".chip-new")).toHaveText("New");
  await expectAccessible(page, "notifications page");
  await shot(page, "notifications-expert");

  await item.getByRole("link", { name: "You are invited" }).click();
  await expect(page).toHaveURL(new RegExp(`/engagements/${engagementId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${expert.name} with Institute ${title}`);
  await expect(page.getByRole("button", { name: "Accept" })).toBeVisible();
  // Following it marked it read: the bell goes back to no count.
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(bell.locator(".badge")).toHaveCount(0);
  await bell.click();
  await expect(page.getByText("You have read everything.")).toBeVisible();
  await expect(page.locator("li.notification.unread")).toHaveCount(0);
});

test("institution staff mark all their notifications read, with 'only unread' in the URL; the page fits a phone in Arabic", async ({ page }) => {
  await signIn(page, staff.email, PASSWORD);
  // Their institution was verified and their request approved: two unread notifications.
  await expect(page.getByRole("link", { name: "Notifications, 2 unread" })).toBeVisible();
  await page.goto("/notifications");
  await sessionResumed(page);
  await expect(page.getByRole("link", { name: "Institution verified" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Request published" })).toBeVisible();
  // The box follows the URL: click, then wait for its state (check() would race the router).
  await page.getByLabel("Show only unread notifications").click();
  await expect(page.getByLabel("Show only unread notifications")).toBeChecked();
  await expect(page).toHaveURL(/\/notifications\?unread=1$/);
  await page.reload();
  await sessionResumed(page);
  await expect(page.getByLabel("Show only unread notifications")).toBeChecked();
  await expect(page.locator("li.notification")).toHaveCount(2);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("2 notifications marked as read.")).toBeVisible();
  await expect(page.getByText("No unread notifications.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  await page.getByLabel("Show only unread notifications").click();
  await expect(page.getByLabel("Show only unread notifications")).not.toBeChecked();
  await expect(page.locator("li.notification")).toHaveCount(2);
  await page.setViewportSize({ width: 360, height: 740 });
  await chooseLanguage(page, "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الإشعارات");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page, "notifications page (Arabic, 360 px)");
  await shot(page, "notifications-360-ar");
});
