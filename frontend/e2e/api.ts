// Setting the scene through the API (no UI), for the browser tests that start where the
// workflow spec ends: accounts confirmed from the mail, a verified institution, a published
// request, experts with profiles. Each call fails the test on a GraphQL error.
import { expect, type APIRequestContext } from "@playwright/test";
import { ADMIN, PASSWORD, tokenFromMail, unique } from "./helpers";

export async function gql<T = Record<string, unknown>>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await request.post("/graphql", {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = await res.json();
  expect(body.errors, `${query.slice(0, 60)}…`).toBeUndefined();
  return body.data as T;
}

/** The raw answer, errors included (for checking a refusal). */
export async function gqlRaw(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await request.post("/graphql", { data: { query, variables }, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

export async function login(request: APIRequestContext, email: string, password = PASSWORD): Promise<{ token: string; id: string }> {
  const d = await gql<{ login: { accessToken: string; account: { id: string } } }>(
    request,
    "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken account { id } } }",
    { e: email, p: password },
  );
  return { token: d.login.accessToken, id: d.login.account.id };
}

export interface Person {
  email: string;
  name: string;
  id: string;
  token: string;
}

/** Registers, confirms the address from the mail and signs in. */
export async function person(request: APIRequestContext, role: "EXPERT" | "INSTITUTION", name: string, prefix: string): Promise<Person> {
  const email = unique(prefix);
  await gql(request, "mutation($input: RegisterInput!) { register(input: $input) { account { id } } }", { input: { email, password: PASSWORD, displayName: name, role } });
  await gql(request, "mutation($t: String!) { verifyEmail(token: $t) { id } }", { t: await tokenFromMail(email, "verify-email") });
  const { token, id } = await login(request, email);
  return { email, name, id, token };
}

export async function admin(request: APIRequestContext) {
  return login(request, ADMIN.email, ADMIN.password);
}

/** A MODERATOR account: registered as an expert, then given the role by the administrator. */
export async function moderator(request: APIRequestContext, name: string): Promise<Person> {
  const p = await person(request, "EXPERT", name, "mod");
  const a = await admin(request);
  await gql(request, "mutation($id: ID!) { setRole(id: $id, role: MODERATOR) { id } }", { id: p.id }, a.token);
  const { token } = await login(request, p.email);
  return { ...p, token };
}

export async function skillId(request: APIRequestContext, text: string): Promise<string> {
  const d = await gql<{ skills: { id: string }[] }>(request, "query($q: String!) { skills(query: $q, lang: \"en\", first: 1) { id } }", { q: text });
  expect(d.skills.length).toBeGreaterThan(0);
  return d.skills[0].id;
}

/** A verified institution of `staff` with an OPEN request asking for `skill`. */
export async function publishedRequest(request: APIRequestContext, staff: Person, title: string, skill: string): Promise<{ institutionId: string; requestId: string }> {
  const a = await admin(request);
  const inst = await gql<{ createInstitution: { id: string } }>(
    request,
    "mutation($input: InstitutionInput!) { createInstitution(input: $input) { id } }",
    { input: { name: `Institute ${title}`, kind: "UNIVERSITY", country: "GH", city: "Accra", description: "A university in Accra that needs help from its diaspora." } },
    staff.token,
  );
  const institutionId = inst.createInstitution.id;
  await gql(request, "mutation($id: ID!) { reviewInstitution(id: $id, decision: APPROVE) { id } }", { id: institutionId }, a.token);
  const req = await gql<{ createRequest: { id: string } }>(
    request,
    "mutation($input: RequestInput!) { createRequest(input: $input) { id } }",
    {
      input: {
        institutionId, kind: "PROJECT", title,
        description: "We need an experienced person to guide our team through this work over a few months.",
        skills: [{ skillId: skill, minLevel: 2, required: true }], languages: ["en"], workModes: ["REMOTE"], hoursPerMonth: 8,
      },
    },
    staff.token,
  );
  const requestId = req.createRequest.id;
  await gql(request, "mutation($id: ID!) { submitRequest(id: $id) { id } }", { id: requestId }, staff.token);
  await gql(request, "mutation($id: ID!) { reviewRequest(id: $id, decision: APPROVE) { id } }", { id: requestId }, a.token);
  return { institutionId, requestId };
}

/** A public expert profile with `skill`; returns the profile id. */
export async function profile(request: APIRequestContext, expert: Person, headline: string, skill: string): Promise<string> {
  const d = await gql<{ saveExpertProfile: { id: string } }>(
    request,
    "mutation($input: ExpertProfileInput!) { saveExpertProfile(input: $input) { id } }",
    {
      input: {
        headline, bio: "Years of work in the field.", residenceCountry: "FR", originCountries: ["GH"],
        languages: [{ code: "en", level: "FLUENT" }], skills: [{ skillId: skill, level: 4 }], engagementTypes: ["MENTORING"], workModes: ["REMOTE"], hoursPerMonth: 10, visibility: "PUBLIC",
      },
    },
    expert.token,
  );
  return d.saveExpertProfile.id;
}
