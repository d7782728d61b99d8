import { beforeEach, describe, expect, it, vi } from "vitest";
import { RefreshDocument, DashboardDocument } from "../graphql/generated/graphql";
import { fakeFetch } from "../test/utils";
import { createClient } from "./client";
import { REFRESH_KEY, Session, jwtExpiry, type AuthPayload } from "./session";

const account = { id: "a1", email: "a@example.org", displayName: "A", role: "EXPERT" as const, status: "ACTIVE" as const };
function jwt(expSeconds: number) {
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${b64({ alg: "HS256" })}.${b64({ sub: "a1", exp: expSeconds })}.sig`;
}
const future = () => Math.floor(Date.now() / 1000) + 600;
const payload = (n: number): AuthPayload => ({ accessToken: `${jwt(future())}${n}`, refreshToken: `refresh-${n}`, account });

/** A fake server: `refresh` rotates tokens once each; `me` refuses stale access tokens. */
function server() {
  let current = 0;
  let valid = new Set<string>(["refresh-0"]);
  let goodAccess = "";
  const f = fakeFetch(({ query, variables }, headers) => {
    if (query.includes("mutation Refresh")) {
      const t = String(variables.refreshToken);
      if (!valid.has(t)) return { data: null, errors: [{ message: "this session has ended; sign in again", extensions: { code: "UNAUTHENTICATED" } }] };
      valid = new Set([`refresh-${++current}`]);
      const p = payload(current);
      goodAccess = p.accessToken;
      return { data: { refresh: p } };
    }
    if (headers.authorization !== `Bearer ${goodAccess}`)
      return { data: null, errors: [{ message: "the access token has expired; refresh it", path: ["me"], extensions: { code: "UNAUTHENTICATED" } }] };
    return { data: { me: { ...account, expertProfile: null, institutions: [] } } };
  });
  return { fetch: f, refreshCalls: () => f.calls.filter((c) => c.query.includes("mutation Refresh")).length };
}

function setup() {
  const s = server();
  const session = new Session(sessionStorage);
  const client = createClient({ session, fetch: s.fetch });
  session.setRefreshFn(async (refreshToken) => (await client.request(RefreshDocument, { refreshToken }, { auth: false })).refresh);
  return { ...s, session, client };
}

beforeEach(() => sessionStorage.clear());

describe("session", () => {
  it("keeps the refresh token in sessionStorage and the access token in memory only", () => {
    const session = new Session(sessionStorage);
    const p = payload(7);
    session.signedIn(p);
    expect(sessionStorage.getItem(REFRESH_KEY)).toBe("refresh-7");
    expect(session.token).toBe(p.accessToken);
    expect(Object.values({ ...sessionStorage })).not.toContain(p.accessToken);
    expect(Object.keys({ ...localStorage })).toEqual([]);
    expect(document.cookie).toBe("");
    session.signedOut();
    expect(sessionStorage.getItem(REFRESH_KEY)).toBeNull();
  });

  it("restores the session on load from the stored refresh token", async () => {
    const { session, refreshCalls } = setup();
    sessionStorage.setItem(REFRESH_KEY, "refresh-0");
    expect(await session.restore()).toBe(true);
    expect(session.account?.id).toBe("a1");
    expect(sessionStorage.getItem(REFRESH_KEY)).toBe("refresh-1");
    expect(refreshCalls()).toBe(1);
  });

  it("without a refresh token, restore ends ready and signed out, without a request", async () => {
    const { session, fetch } = setup();
    expect(await session.restore()).toBe(false);
    expect(session.ready).toBe(true);
    expect(session.account).toBeNull();
    expect(fetch.calls).toHaveLength(0);
  });

  it("concurrent refreshes share one request (a refresh token works once)", async () => {
    const { session, refreshCalls } = setup();
    sessionStorage.setItem(REFRESH_KEY, "refresh-0");
    const results = await Promise.all([session.refresh(), session.refresh(), session.restore()]);
    expect(results).toEqual([true, true, true]);
    expect(refreshCalls()).toBe(1);
  });

  it("on an expired access token, refreshes once and retries the request", async () => {
    const { session, client, fetch, refreshCalls } = setup();
    session.signedIn({ ...payload(0), accessToken: jwt(future()) + "stale" });
    const data = await client.request(DashboardDocument, {});
    expect(data.me?.id).toBe("a1");
    expect(refreshCalls()).toBe(1);
    const me = fetch.calls.filter((c) => c.query.includes("query Dashboard"));
    expect(me).toHaveLength(2);
    expect(me[1].headers.authorization).toBe(`Bearer ${session.token}`);
  });

  it("two requests failing together trigger a single refresh", async () => {
    const { session, client, refreshCalls } = setup();
    session.signedIn({ ...payload(0), accessToken: jwt(future()) + "stale" });
    await Promise.all([client.request(DashboardDocument, {}), client.request(DashboardDocument, {})]);
    expect(refreshCalls()).toBe(1);
  });

  it("refreshes before sending when the access token is about to expire", async () => {
    const { session, client, fetch, refreshCalls } = setup();
    session.signedIn({ ...payload(0), accessToken: jwt(Math.floor(Date.now() / 1000) + 5) });
    await client.request(DashboardDocument, {});
    expect(refreshCalls()).toBe(1);
    expect(fetch.calls.filter((c) => c.query.includes("query Dashboard"))).toHaveLength(1);
  });

  it("when the refresh is refused, signs out, clears the token and reports UNAUTHENTICATED", async () => {
    const { session, client } = setup();
    session.signedIn({ ...payload(0), accessToken: jwt(future()) + "stale", refreshToken: "revoked" });
    const listener = vi.fn();
    session.subscribe(listener);
    await expect(client.request(DashboardDocument, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(session.account).toBeNull();
    expect(sessionStorage.getItem(REFRESH_KEY)).toBeNull();
    expect(listener).toHaveBeenCalled();
  });

  it("a network failure during refresh keeps the refresh token for later", async () => {
    const session = new Session(sessionStorage);
    sessionStorage.setItem(REFRESH_KEY, "refresh-0");
    session.setRefreshFn(() => Promise.reject(Object.assign(new Error("offline"), { code: "NETWORK" })));
    expect(await session.restore()).toBe(false);
    expect(session.ready).toBe(true);
    expect(sessionStorage.getItem(REFRESH_KEY)).toBe("refresh-0");
  });

  it("does not send an Authorization header for anonymous operations", async () => {
    const { session, client, fetch } = setup();
    session.signedIn(payload(0));
    sessionStorage.setItem(REFRESH_KEY, "refresh-0");
    await client.request(RefreshDocument, { refreshToken: "refresh-0" }, { auth: false });
    expect(fetch.calls[0].headers.authorization).toBeUndefined();
  });

  it("reads the expiry of a JWT", () => {
    expect(jwtExpiry(jwt(1234))).toBe(1234);
    expect(jwtExpiry("garbage")).toBeNull();
  });
});
