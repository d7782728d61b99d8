import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DATA_DIR = process.env.E2E_DATA_DIR ?? path.resolve(import.meta.dirname, "../.e2e-data");
export const ARTIFACTS = path.resolve(import.meta.dirname, "../e2e-artifacts");
export const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.example.org",
  password: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password-2026",
};
export const PASSWORD = "correct horse battery staple";

export function unique(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example.org`;
}

/** The token of the newest mail to `to` whose link goes to `route` (e.g. "verify-email"). */
export async function tokenFromMail(to: string, route: string): Promise<string> {
  const dir = path.join(DATA_DIR, "mail");
  const re = new RegExp(`/${route}\\?token=([A-Za-z0-9_\\-]+)`);
  for (let i = 0; i < 50; i++) {
    let files: string[] = [];
    try {
      files = (await readdir(dir)).filter((f) => f.endsWith(".eml"));
    } catch {
      /* not there yet */
    }
    for (const f of files) {
      const text = await readFile(path.join(dir, f), "utf8");
      if (!new RegExp(`^To: .*${to.replace(/[.+]/g, "\\$&")}`, "mi").test(text)) continue;
      const m = re.exec(text);
      if (m) return m[1];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${route} mail for ${to} in ${dir}`);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core: no serious or critical violations (WCAG 2.1 A/AA rules). */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

export async function chooseLanguage(page: Page, code: "en" | "fr" | "es" | "ar") {
  await page.locator("#lang-select").selectOption(code);
  await expect(page.locator("html")).toHaveAttribute("lang", code);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.locator("#f-email").fill(email);
  await page.locator("#f-password").fill(password);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/me$/);
}

/** Waits until the page has resumed the session (the sign-out button shows). Reload only
 * after this: a reload during the refresh-token rotation loses the new token, and reusing the
 * old one ends the session on the server. */
export async function sessionResumed(page: Page) {
  await expect(page.locator("nav .link-button")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.locator("nav .link-button").click();
  await expect(page).toHaveURL(/\/$/);
}

/** Registers an account through the API (no UI). */
export async function register(request: APIRequestContext, email: string, role: "EXPERT" | "INSTITUTION", name: string) {
  const res = await request.post("/graphql", {
    data: {
      query: "mutation($input: RegisterInput!) { register(input: $input) { account { id } } }",
      variables: { input: { email, password: PASSWORD, displayName: name, role } },
    },
  });
  expect((await res.json()).errors).toBeUndefined();
}

/** Confirms an email address through the API with the mailed token. */
export async function verify(request: APIRequestContext, token: string) {
  const res = await request.post("/graphql", {
    data: { query: "mutation($t: String!) { verifyEmail(token: $t) { id } }", variables: { t: token } },
  });
  expect((await res.json()).errors).toBeUndefined();
}
