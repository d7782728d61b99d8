import { Suspense, type ReactNode } from "react";
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { LANGS, isLang, useI18n } from "../i18n";
import { useApi, useSession } from "../lib/api";
import { LogoutDocument } from "../graphql/generated/graphql";
import { REFRESH_KEY, type Role } from "../lib/session";
import { NotificationBell } from "./NotificationBell";

interface NavItem {
  to: string;
  key: string;
  roles?: Role[];
  anonymous?: boolean;
  /** With `roles`: shown to anonymous visitors too. */
  alsoAnonymous?: boolean;
}

// One list, filtered by role. Notifications have the bell beside the language switch.
const NAV: NavItem[] = [
  { to: "/", key: "nav.home" },
  { to: "/search", key: "nav.search" },
  { to: "/requests", key: "nav.requests", roles: ["EXPERT"], alsoAnonymous: true },
  { to: "/insight", key: "nav.insight" },
  { to: "/me", key: "nav.dashboard", roles: ["EXPERT", "INSTITUTION", "MODERATOR", "ADMIN"] },
  { to: "/me/profile", key: "nav.profile", roles: ["EXPERT"] },
  { to: "/institutions/new", key: "nav.newInstitution", roles: ["INSTITUTION"] },
  { to: "/moderation", key: "nav.moderation", roles: ["MODERATOR", "ADMIN"] },
  { to: "/sign-in", key: "nav.signIn", anonymous: true },
  { to: "/sign-up", key: "nav.signUp", anonymous: true },
];

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const { account, session } = useSession();
  const { client } = useApi();
  const navigate = useNavigate();

  const items = NAV.filter((i) =>
    i.anonymous ? !account : i.roles ? (account ? i.roles.includes(account.role) : !!i.alsoAnonymous) : true,
  );

  async function signOut() {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    session.signedOut();
    if (refreshToken) {
      client.request(LogoutDocument, { refreshToken }, { auth: false }).catch(() => {});
    }
    navigate("/");
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t("skip")}
      </a>
      <header className="site-header">
        <div className="header-row container">
          <Link to="/" className="brand">
            BrainGain
          </Link>
          <div className="header-tools">
            {account && <NotificationBell accountId={account.id} />}
            <div className="lang-switch">
              <label htmlFor="lang-select">{t("lang.label")}</label>
              <select
                id="lang-select"
                value={lang}
                onChange={(e) => {
                  if (isLang(e.target.value)) void setLang(e.target.value);
                }}
              >
                {LANGS.map((l) => (
                  <option key={l.code} value={l.code} lang={l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        <nav aria-label={t("nav.label")} className="container">
          <ul className="nav-list">
            {items.map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} end>
                  {t(i.key)}
                </NavLink>
              </li>
            ))}
            {account && (
              <li>
                <button type="button" className="link-button" onClick={signOut}>
                  {t("nav.signOut")}
                </button>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="container">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("footer.text")}</p>
        </div>
      </footer>
    </>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{t("common.loading")}</span>
      <div className="skeleton-line" />
      <div className="skeleton-line short" />
      <div className="skeleton-line" />
    </div>
  );
}

/** Renders its children only for a signed-in account (of one of `roles`, if given). */
export function RequireAuth(props: { roles?: Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const { account, ready } = useSession();
  if (!ready) return <Loading />;
  if (!account) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <>
        <h1>{t("auth.required.title")}</h1>
        <p>{t("auth.required.body")}</p>
        <p>
          <Link to={`/sign-in?next=${next}`} className="button">
            {t("nav.signIn")}
          </Link>
        </p>
      </>
    );
  }
  if (props.roles && !props.roles.includes(account.role)) {
    return (
      <>
        <h1>{t("auth.forbidden.title")}</h1>
        <p>{t("error.FORBIDDEN")}</p>
      </>
    );
  }
  return <>{props.children}</>;
}

/** A page-level error with its translated explanation. */
export function ErrorBox(props: { message: string }) {
  return (
    <div className="error-summary" role="alert">
      <p>{props.message}</p>
    </div>
  );
}
