// The journey on the real server: an expert signs up in French, confirms the address from the
// mail sink, signs in, fills the profile with an ESCO skill picked through the autocomplete and
// sees the public profile; an institution's staff member signs up, confirms, adds the
// institution; the administrator approves it from the moderation console.
import { expect, test } from "@playwright/test";
import { ADMIN, PASSWORD, chooseLanguage, expectAccessible, shot, signIn, signOut, tokenFromMail, unique } from "./helpers";

test.describe.configure({ mode: "serial" });

const expertEmail = unique("expert");
const staffEmail = unique("staff");
const institutionName = `Université de Test ${Date.now().toString(36)}`;
let profileUrl = "";
let institutionUrl = "";

test("an expert signs up, confirms, signs in, fills the profile and sees it", async ({ page }) => {
  await page.goto("/");
  await chooseLanguage(page, "fr");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mettez votre expertise");
  await page.getByRole("navigation").getByRole("link", { name: "Créer un compte" }).click();

  // The error summary names every missing field and links to it.
  await page.getByRole("button", { name: "Créer le compte" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(4);
  await summary.getByRole("link", { name: /Adresse e-mail/ }).click();
  await expect(page.locator("#f-email")).toBeFocused();
  await shot(page, "signup-errors-fr");

  await page.getByLabel("Expert vivant à l’étranger").check();
  await page.getByLabel("Votre nom").fill("Amina Diallo");
  await page.locator("#f-email").fill(expertEmail);
  await page.locator("#f-password").fill(PASSWORD);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre compte est créé");

  // The server's BAD_USER_INPUT / CONFLICT errors reach the named field: same email again.
  await signOut(page);
  await page.goto("/sign-up");
  await page.getByLabel("Expert vivant à l’étranger").check();
  await page.getByLabel("Votre nom").fill("Someone Else");
  await page.locator("#f-email").fill(expertEmail);
  await page.locator("#f-password").fill(PASSWORD);
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.locator("#f-email-error")).toBeVisible();
  await expect(page.locator("#f-email")).toHaveAttribute("aria-invalid", "true");

  // Confirm the address with the token from the mail sink.
  const token = await tokenFromMail(expertEmail, "verify-email");
  await page.goto(`/verify-email?token=${token}`);
  await expect(page.getByText("Votre adresse e-mail est confirmée")).toBeVisible();

  await signIn(page, expertEmail, PASSWORD);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Amina Diallo");
  await page.getByRole("link", { name: "Modifier votre profil" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre profil d’expert");

  await page.getByLabel("Titre").fill("Ingénieure en apprentissage automatique");
  await page.getByLabel("À propos de vous").fill("Je construis des modèles pour la santé publique.");
  await page.locator("#f-residenceCountry").selectOption("FR");
  await page.getByLabel("Ville où vous vivez").fill("Lyon");
  await page.getByRole("button", { name: "Ajouter un pays d’origine" }).click();
  await page.locator("#f-originCountries-0").selectOption("SN");
  await page.getByRole("button", { name: "Ajouter une langue" }).click();
  await page.locator("#f-languages-0").selectOption("fr");
  await page.locator("#f-languages-0-level").selectOption("NATIVE");

  // ESCO skill through the combobox, with the keyboard.
  const combo = page.getByRole("combobox", { name: "Ajouter une compétence" });
  await combo.fill("apprentissage automatique");
  const option = page.getByRole("option", { name: "utiliser l’apprentissage automatique" });
  await expect(option).toBeVisible();
  await expect(combo).toHaveAttribute("aria-expanded", "true");
  await combo.press("ArrowDown");
  await expect(combo).toHaveAttribute("aria-activedescendant", /.+/);
  await shot(page, "profile-skill-autocomplete-fr");
  await combo.press("Enter");
  await expect(page.locator(".skill-row")).toHaveCount(1);
  await expect(page.locator(".skill-row")).toContainText("apprentissage automatique");
  await expect(page.locator(".skill-row")).toContainText("ESCO");
  await page.locator("#f-skills-0-level").selectOption("4");
  await page.locator("#f-skills-0-years").fill("6");

  await page.getByLabel("Mentorat").check();
  await page.getByLabel("À distance, depuis chez moi").check();
  await page.getByLabel("Heures par mois que vous pouvez donner").fill("8");
  await page.getByLabel("Tout le monde").check();

  // The preview: public sees the profile, contact email hidden with the reason.
  await expect(page.getByTestId("profile-preview")).toContainText("Ingénieure en apprentissage automatique");
  await expect(page.getByTestId("profile-preview")).toContainText("Masqué");
  await page.getByLabel("Membres connectés seulement").check();
  await expect(page.getByTestId("profile-preview")).toContainText("Le public ne voit rien");
  await page.getByLabel("Tout le monde").check();
  await expectAccessible(page, "profile editor");

  // A server BAD_USER_INPUT (extensions.field = input.orcid) lands beside the ORCID field.
  await page.getByLabel("Identifiant ORCID").fill("0000-0000-0000-0000");
  await page.getByRole("button", { name: "Enregistrer votre profil" }).click();
  await expect(page.locator("#f-orcid-error")).toBeVisible();
  await expect(page.locator("#f-orcid")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".error-summary a[href='#f-orcid']")).toBeVisible();
  await expect(page.getByLabel("Titre")).toHaveValue("Ingénieure en apprentissage automatique");
  await page.getByLabel("Identifiant ORCID").fill("");

  await page.getByRole("button", { name: "Enregistrer votre profil" }).click();
  await expect(page.getByText("Votre profil est enregistré.")).toBeVisible();
  await expect(page.locator(".error-summary")).toHaveCount(0);
  await shot(page, "profile-editor-fr");
  await page.getByRole("link", { name: "Voir la page de votre profil" }).first().click();
  await expect(page).toHaveURL(/\/experts\//);
  profileUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Amina Diallo");
  await expect(page.getByText("utiliser l’apprentissage automatique")).toBeVisible();
  await expect(page.getByText("Vit à Lyon, France")).toBeVisible();
  await shot(page, "expert-profile-fr");

  // A reload keeps the session (refresh token in this tab's sessionStorage, access token
  // re-obtained); a new tab (another browser context) does not share it.
  await page.reload();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await expect(page.getByText("E-mail de contact")).toBeVisible();
  expect(await page.evaluate(() => document.cookie)).toBe("");
  expect(await page.evaluate(() => Object.keys(localStorage))).not.toContain("braingain.refresh");
  const other = await page.context().browser()!.newPage();
  await other.goto(page.url().replace(/\/experts\/.*/, "/me"));
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(/Sign in to see this page/);
  await other.close();

  // The editor in Arabic on a phone: right to left, no horizontal scrolling.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/me/profile");
  await chooseLanguage(page, "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ملفك بصفتك خبيرًا");
  await expect(page.locator(".skill-row")).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await shot(page, "profile-editor-360-ar");
});

test("the public profile is visible to anonymous visitors, labels in the UI language", async ({ page }) => {
  await page.goto(profileUrl);
  await chooseLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Amina Diallo");
  await expect(page.getByText("Lives in Lyon, France")).toBeVisible();
  await expect(page.locator(".skill-label")).toContainText(/machine learning/i);
  await expect(page.getByText(/Hidden\. It is shown only/)).toBeVisible();
  await expectAccessible(page, "public profile");
  await shot(page, "expert-profile-en");
});

test("institution staff sign up, confirm and add their institution", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Staff of an institution").check();
  await page.getByLabel("Your name").fill("Kofi Mensah");
  await page.locator("#f-email").fill(staffEmail);
  await page.locator("#f-password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is created");
  const token = await tokenFromMail(staffEmail, "verify-email");
  await page.goto(`/verify-email?token=${token}`);
  await expect(page.getByText("Your email address is confirmed")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole("link", { name: "Add your institution" }).click();

  await page.getByRole("button", { name: "Add the institution" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await page.getByLabel("Official name").fill(institutionName);
  await page.getByLabel("Kind of organisation").selectOption("UNIVERSITY");
  await page.locator("#f-country").selectOption("GH");
  await page.getByLabel("City").fill("Accra");
  await page.getByLabel("Web site").fill("https://example.org");
  await page.getByLabel("What it does and what it needs").fill("A public university looking for data science mentors.");
  await expectAccessible(page, "new institution");
  await page.getByRole("button", { name: "Add the institution" }).click();
  await expect(page).toHaveURL(/\/institutions\/[^/]+\?created=1/);
  institutionUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(institutionName);
  await expect(page.getByText("Waiting for verification")).toBeVisible();
  await shot(page, "institution-pending");

  await page.goto("/me");
  await expect(page.getByRole("link", { name: institutionName })).toBeVisible();
  await shot(page, "dashboard-institution");
});

test("the administrator approves the institution from the moderation console", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation").getByRole("link", { name: "Moderation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderation");
  const card = page.locator("article.card", { hasText: institutionName });
  await expect(card).toBeVisible();
  await expectAccessible(page, "moderation");
  await shot(page, "moderation");
  await card.getByRole("button", { name: /Approve/ }).click();
  await expect(page.getByText(`${institutionName} is verified.`)).toBeVisible();
  await expect(page.locator("article.card", { hasText: institutionName })).toHaveCount(0);

  await page.goto(institutionUrl);
  await expect(page.locator(".chip-verified")).toHaveText("Verified");
});

test("a rejection needs a reason", async ({ page }) => {
  // A second institution, rejected with a reason its staff can read.
  const name = `Institut Rejeté ${Date.now().toString(36)}`;
  await signIn(page, staffEmail, PASSWORD);
  await page.goto("/institutions/new");
  await page.getByLabel("Official name").fill(name);
  await page.getByLabel("Kind of organisation").selectOption("OTHER");
  await page.locator("#f-country").selectOption("GH");
  await page.getByLabel("What it does and what it needs").fill("Test.");
  await page.getByRole("button", { name: "Add the institution" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await signOut(page);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/moderation");
  const card = page.locator("article.card", { hasText: name });
  await card.getByRole("button", { name: /Reject/ }).click();
  await expect(card.locator(".error-message")).toHaveText("Write the reason for the rejection.");
  await card.getByLabel("Reason for your decision").fill("We could not confirm this organisation exists.");
  await card.getByRole("button", { name: /Reject/ }).click();
  await expect(page.getByText(`${name} is not accepted`)).toBeVisible();
});
