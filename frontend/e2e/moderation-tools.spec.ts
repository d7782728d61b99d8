// Reports and the moderators' tools in the browser, on the real server. The scene is set
// through the API: a published request, an expert who applied, a message from the institution,
// a second expert with the same skill, a moderator. Then: the expert reports the request and
// the message (a dialog with a reason); the moderator dismisses one report and suspends the
// message's author on the other; on the request page the moderator puts it on hold, resumes
// it and proposes the second expert on the institution's behalf; the administrator reads the
// audit log, filtered by subject and by actor; a moderator cannot open it. axe-core on each
// page (the report dialog open included), 360 px, screenshots.
import { expect, test, type Page } from "@playwright/test";
import { gql, gqlRaw, moderator, person, profile, publishedRequest, skillId, type Person } from "./api";
import { ADMIN, PASSWORD, expectAccessible, sessionResumed, shot, signIn, signOut } from "./helpers";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const stamp = Date.now().toString(36);
const title = `Cholera surveillance for the coastal districts ${stamp}`;
const abusive = `Send me your bank password or I report you ${stamp}`;
let staff: Person;
let expert: Person;
let second: Person;
let mod: Person;
let requestId = "";
let engagementId = "";

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test("an expert reports a request and a message with a reason", async ({ page, request }) => {
  const skill = await skillId(request, "epidemiology");
  staff = await person(request, "INSTITUTION", "Kojo Mensah", "mt-staff");
  expert = await person(request, "EXPERT", "Abena Sarpong", "mt-expert");
  second = await person(request, "EXPERT", "Kwabena Ofori", "mt-second");
  mod = await moderator(request, "Esi Quartey");
  ({ requestId } = await publishedRequest(request, staff, title, skill));
  await profile(request, expert, "Epidemiologist, cholera outbreaks", skill);
  await profile(request, second, "Field epidemiologist, West Africa", skill);
  const applied = await gql<{ applyToRequest: { id: string } }>(
    request,
    "mutation($r: ID!, $m: String!) { applyToRequest(requestId: $r, message: $m) { id } }",
    { r: requestId, m: "I ran cholera surveillance in three districts." },
    expert.token,
  );
  engagementId = applied.applyToRequest.id;
  await gql(request, "mutation($e: ID!, $b: String!) { sendMessage(engagementId: $e, body: $b) { id } }", { e: engagementId, b: abusive }, staff.token);

  await signIn(page, expert.email, PASSWORD);
  await page.goto(`/requests/${requestId}`);
  await page.getByRole("button", { name: `Report (${title})` }).click();
  const dialog = page.getByRole("dialog", { name: "Report this request to the moderators" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("What is wrong with it?")).toBeFocused();
  await dialog.getByRole("button", { name: "Send the report" }).click();
  await expect(dialog.getByText("Fill in this field.")).toBeVisible();
  await expectAccessible(page, "report dialog");
  await shot(page, "report-dialog");
  await dialog.getByLabel("What is wrong with it?").fill("This looks like unpaid work for a private company.");
  await dialog.getByRole("button", { name: "Send the report" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Thank you. The moderators will look at your report.")).toBeVisible();

  await page.goto(`/engagements/${engagementId}`);
  const msg = page.locator(".msg", { hasText: abusive });
  await msg.getByRole("button", { name: "Report (message from Kojo Mensah)" }).click();
  const msgDialog = page.getByRole("dialog", { name: "Report this message to the moderators" });
  await msgDialog.getByLabel("What is wrong with it?").fill("Threats and a request for my bank password.");
  await msgDialog.getByRole("button", { name: "Send the report" }).click();
  await expect(msg.getByText("Thank you. The moderators will look at your report.")).toBeVisible();
});

test("the moderator dismisses one report and suspends the message's author on the other", async ({ page, request }) => {
  await signIn(page, mod.email, PASSWORD);
  await page.goto("/moderation");
  await sessionResumed(page);
  await expect(page.getByRole("heading", { name: "Reports", exact: true })).toBeVisible();
  const requestReport = page.locator("article.report", { hasText: "unpaid work for a private company" });
  const messageReport = page.locator("article.report", { hasText: abusive });
  await expect(requestReport).toBeVisible();
  await expect(messageReport.locator("blockquote")).toHaveText(abusive);
  await expect(messageReport).toContainText(`Kojo Mensah (${staff.email}) · Institution staff · active`);
  await expect(messageReport).toContainText("Abena Sarpong");
  await expectAccessible(page, "moderation console with reports");
  await shot(page, "moderation-reports");

  await requestReport.getByRole("button", { name: "Dismiss: nothing to do" }).click();
  await expect(requestReport.getByText("Write a note about your decision.")).toBeVisible();
  await requestReport.getByLabel("Your note").fill("A real public university project; nothing wrong.");
  await requestReport.getByRole("button", { name: "Dismiss: nothing to do" }).click();
  await expect(page.getByText("The report is dismissed.")).toBeVisible();
  await expect(requestReport).toHaveCount(0);

  await messageReport.getByLabel("Your note").fill("Threatening message asking for a password.");
  await messageReport.getByRole("button", { name: "Suspend Kojo Mensah and resolve" }).click();
  await messageReport.getByRole("button", { name: "Yes, suspend the account" }).click();
  await expect(page.getByText("Kojo Mensah is suspended and the report resolved.")).toBeVisible();
  await expect(messageReport).toHaveCount(0);
  // The suspended account can no longer sign in.
  const refused = await gqlRaw(request, "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }", { e: staff.email, p: PASSWORD });
  expect(refused.errors?.length).toBeGreaterThan(0);

  // No request has gone quiet on this fresh server.
  const stalled = page.locator("section", { has: page.getByRole("heading", { name: "Requests gone quiet" }) });
  await expect(stalled.getByText("No request has been quiet for 21 days.")).toBeVisible();
  await stalled.getByLabel("Quiet for at least").selectOption("7");
  await expect(stalled.getByText("No request has been quiet for 7 days.")).toBeVisible();
});

test("on the request page the moderator holds and resumes it, and proposes an expert on the institution's behalf", async ({ page }) => {
  await signIn(page, mod.email, PASSWORD);
  await page.goto(`/requests/${requestId}`);
  await sessionResumed(page);
  const tools = page.locator("section", { has: page.getByRole("heading", { name: "Moderator actions" }) });
  await tools.getByRole("button", { name: /^Put on hold/ }).click();
  await expect(tools.getByText("Write the reason the institution will read.")).toBeVisible();
  await tools.getByLabel(/^Reason, shown to the institution/).fill("No answer from the institution for a month.");
  await tools.getByRole("button", { name: /^Put on hold/ }).click();
  await expect(page.getByText(`“${title}” is on hold.`)).toBeVisible();
  await expect(page.locator(".lifecycle .chip")).toHaveText("On hold");
  await expect(page.getByText("The moderators' reason: No answer from the institution for a month.")).toBeVisible();
  await expectAccessible(page, "request page (moderator, on hold)");
  await shot(page, "request-on-hold");
  await tools.getByRole("button", { name: /^Resume the request/ }).click();
  await expect(page.getByText(`“${title}” is active again.`)).toBeVisible();
  await expect(page.locator(".lifecycle .chip")).toHaveText("Open to experts");

  // The second expert appears among the ranked matches once indexed; the first has applied.
  const hit = page.locator("article.hit", { hasText: second.name });
  await expect(async () => {
    await page.reload();
    await sessionResumed(page);
    await expect(hit).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator("article.hit", { hasText: expert.name }).locator(".chip").filter({ hasText: "Applied" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Invite/ })).toHaveCount(0);
  const panel = page.locator("section.propose");
  await panel.getByRole("button", { name: "Propose the chosen experts" }).click();
  await expect(panel.getByText("Choose at least one expert above.")).toBeVisible();
  await hit.getByLabel(`Propose ${second.name}`).check();
  await expect(panel.getByText(`Chosen (1): ${second.name}`)).toBeVisible();
  await panel.getByLabel("Message to the chosen experts").fill("The university needs a field epidemiologist; you fit well.");
  await panel.getByRole("button", { name: "Propose the chosen experts" }).click();
  await expect(panel.getByText("Proposed: 1. Each expert is invited.")).toBeVisible();
  const engagements = page.locator("section", { has: page.getByRole("heading", { name: "Engagements", exact: true }) });
  await expect(engagements.locator(".engagement-row", { hasText: second.name })).toContainText("proposed by the programme's moderators");
  await expectAccessible(page, "request page (moderator, proposal)");
  await shot(page, "request-proposed");
  await panel.getByRole("link", { name: second.name }).click();
  await expect(page).toHaveURL(/\/engagements\//);
  await expect(page.getByText("The programme's moderators proposed this expert on the institution's behalf.")).toBeVisible();
  await expect(page.getByText("You are reading this engagement as a moderator")).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
});

test("the administrator reads the audit log, filtered by subject and by actor; a moderator cannot", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/moderation");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/moderation\/audit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  const suspension = page.locator(".audit-list > li", { has: page.locator("code", { hasText: "account.suspend" }) }).filter({ hasText: "Threatening message asking for a password." });
  await expect(suspension).toBeVisible();
  await expect(suspension).toContainText("Esi Quartey (Moderator)");
  await expectAccessible(page, "audit log");
  await shot(page, "audit-log");

  await suspension.getByRole("button", { name: "Only entries about this" }).click();
  await expect(page).toHaveURL(new RegExp(`subject=${staff.id}`));
  await expect(page.getByLabel("About (id of the thing)")).toHaveValue(staff.id);
  await expect(page.locator(".audit-list > li").first()).toContainText("account.suspend");
  const rows = page.locator(".audit-list > li");
  for (const text of await rows.allInnerTexts()) expect(text).toContain(staff.id);

  await page.getByRole("button", { name: "Show all entries" }).click();
  await suspension.getByRole("button", { name: "Only this account's actions" }).click();
  await expect(page).toHaveURL(new RegExp(`actor=${mod.id}`));
  for (const action of ["account.suspend", "report.resolve", "report.dismiss", "request.hold", "request.resume"]) {
    await expect(page.locator(".audit-action", { hasText: action }).first()).toBeVisible();
  }
  for (const text of await rows.allInnerTexts()) expect(text).toContain("Esi Quartey");
  await page.reload();
  await sessionResumed(page);
  await expect(page.getByLabel("Done by (account id)")).toHaveValue(mod.id);
  await page.setViewportSize({ width: 360, height: 740 });
  await noHorizontalScroll(page);
  await shot(page, "audit-log-360");

  await signOut(page);
  await signIn(page, mod.email, PASSWORD);
  await page.goto("/moderation/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot see this page");
});
