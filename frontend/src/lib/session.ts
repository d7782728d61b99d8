// The session: who is signed in and the tokens that prove it.
//
// Token storage (see README): the short-lived access token (≤15 min) lives in memory only;
// the rotating, single-use refresh token lives in this tab's sessionStorage, so a reload keeps
// the session, closing the tab ends it, and no other origin (nor a request to another site)
// can read it: sessionStorage is per origin and per tab, and no cookie is ever set.

export type Role = "EXPERT" | "INSTITUTION" | "MODERATOR" | "ADMIN";
export interface SessionAccount {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: "PENDING_VERIFICATION" | "ACTIVE" | "SUSPENDED";
}
export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  account: SessionAccount;
}

export const REFRESH_KEY = "braingain.refresh";

/** Exchanges a refresh token for a new pair (or rejects). */
export type RefreshFn = (refreshToken: string) => Promise<AuthPayload>;

type Listener = () => void;

export class Session {
  private accessToken: string | null = null;
  private _account: SessionAccount | null = null;
  private _ready = false;
  private inFlight: Promise<boolean> | null = null;
  private listeners = new Set<Listener>();
  private refreshFn: RefreshFn | null = null;

  constructor(private storage: Pick<Storage, "getItem" | "setItem" | "removeItem">) {}

  setRefreshFn(fn: RefreshFn) {
    this.refreshFn = fn;
  }

  get account() {
    return this._account;
  }
  get ready() {
    return this._ready;
  }
  get token() {
    return this.accessToken;
  }
  get hasRefreshToken() {
    return this.storage.getItem(REFRESH_KEY) != null;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  private emit() {
    for (const l of this.listeners) l();
  }

  /** After register, login or refresh. */
  signedIn(p: AuthPayload) {
    this.accessToken = p.accessToken;
    this.storage.setItem(REFRESH_KEY, p.refreshToken);
    this._account = p.account;
    this._ready = true;
    this.emit();
  }

  /** Updates the account (e.g. after the email was verified). */
  updateAccount(a: Partial<SessionAccount>) {
    if (!this._account) return;
    this._account = { ...this._account, ...a };
    this.emit();
  }

  signedOut() {
    this.accessToken = null;
    this._account = null;
    this.storage.removeItem(REFRESH_KEY);
    this._ready = true;
    this.emit();
  }

  /** Whether the access token expires within `marginSeconds` (or cannot be read). */
  accessTokenExpiring(nowMs = Date.now(), marginSeconds = 30): boolean {
    if (!this.accessToken) return false;
    const exp = jwtExpiry(this.accessToken);
    return exp == null ? false : exp * 1000 - nowMs < marginSeconds * 1000;
  }

  /**
   * Rotates the refresh token. Concurrent callers share one request: a refresh token works
   * once, and reusing one ends the whole session on the server.
   * Resolves true when the session was renewed; false (and signs out) when it cannot be.
   */
  refresh(): Promise<boolean> {
    if (this.inFlight) return this.inFlight;
    const token = this.storage.getItem(REFRESH_KEY);
    if (!token || !this.refreshFn) {
      if (!this._ready || this._account) this.signedOut();
      return Promise.resolve(false);
    }
    const fn = this.refreshFn;
    this.inFlight = fn(token)
      .then(
        (p) => {
          this.signedIn(p);
          return true;
        },
        (err: unknown) => {
          // A network failure keeps the refresh token for a later try; a refusal ends it.
          if (isNetworkError(err)) {
            this._ready = true;
            this.emit();
          } else this.signedOut();
          return false;
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** On load: resume the session from sessionStorage if there is one. */
  restore(): Promise<boolean> {
    if (this._ready) return Promise.resolve(this._account != null);
    return this.refresh();
  }
}

function isNetworkError(err: unknown): boolean {
  return typeof err === "object" && err != null && (err as { code?: string }).code === "NETWORK";
}

/** The `exp` claim of a JWT, in seconds, without verifying it (the server does that). */
export function jwtExpiry(token: string): number | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = JSON.parse(json).exp;
    return typeof exp === "number" ? exp : null;
  } catch {
    return null;
  }
}
