import { lazy, useEffect } from "react";
import { BrowserRouter, Route, Routes, useLocation } from "react-router";
import { Layout, RequireAuth } from "./components/Layout";
import { useSession } from "./lib/api";
import type { Role } from "./lib/session";
import Landing from "./pages/Landing";

// Page chunks. After the first paint, the pages reachable from the navigation for the
// current role are fetched while the browser is idle (each is 0.3–4.5 KB gzipped), so a click
// does not wait for the network on a slow connection.
const pages = {
  SignUp: () => import("./pages/SignUp"),
  SignIn: () => import("./pages/SignIn"),
  VerifyEmail: () => import("./pages/VerifyEmail"),
  ResetRequest: () => import("./pages/ResetRequest"),
  ResetPassword: () => import("./pages/ResetPassword"),
  Dashboard: () => import("./pages/Dashboard"),
  ProfileEditor: () => import("./pages/ProfileEditor"),
  ExpertPage: () => import("./pages/ExpertPage"),
  InstitutionNew: () => import("./pages/InstitutionNew"),
  InstitutionPage: () => import("./pages/InstitutionPage"),
  Moderation: () => import("./pages/Moderation"),
  Search: () => import("./pages/Search"),
  RequestPage: () => import("./pages/RequestPage"),
  RequestEditor: () => import("./pages/RequestEditor"),
  EngagementPage: () => import("./pages/EngagementPage"),
  Insight: () => import("./pages/Insight"),
  Notifications: () => import("./pages/Notifications"),
  RequestSearch: () => import("./pages/RequestSearch"),
  AuditLog: () => import("./pages/AuditLog"),
  NotFound: () => import("./pages/NotFound"),
};
const SignUp = lazy(pages.SignUp);
const SignIn = lazy(pages.SignIn);
const VerifyEmail = lazy(pages.VerifyEmail);
const ResetRequest = lazy(pages.ResetRequest);
const ResetPassword = lazy(pages.ResetPassword);
const Dashboard = lazy(pages.Dashboard);
const ProfileEditor = lazy(pages.ProfileEditor);
const ExpertPage = lazy(pages.ExpertPage);
const InstitutionNew = lazy(pages.InstitutionNew);
const InstitutionPage = lazy(pages.InstitutionPage);
const Moderation = lazy(pages.Moderation);
const Search = lazy(pages.Search);
const RequestPage = lazy(pages.RequestPage);
const RequestEditor = lazy(pages.RequestEditor);
const EngagementPage = lazy(pages.EngagementPage);
const Insight = lazy(pages.Insight);
const Notifications = lazy(pages.Notifications);
const RequestSearch = lazy(pages.RequestSearch);
const AuditLog = lazy(pages.AuditLog);
const NotFound = lazy(pages.NotFound);

const NEXT_PAGES: Record<Role | "ANONYMOUS", (keyof typeof pages)[]> = {
  ANONYMOUS: ["Search", "RequestSearch", "SignIn", "SignUp"],
  EXPERT: ["Dashboard", "ProfileEditor", "Search", "RequestSearch", "RequestPage", "EngagementPage", "Notifications"],
  INSTITUTION: ["Dashboard", "Search", "InstitutionNew", "InstitutionPage", "RequestPage", "RequestEditor", "EngagementPage", "Notifications"],
  MODERATOR: ["Dashboard", "Search", "Moderation", "RequestPage", "Notifications"],
  ADMIN: ["Dashboard", "Search", "Moderation", "RequestPage", "Notifications"],
};

function PrefetchPages() {
  const { account, ready } = useSession();
  const role = account?.role ?? "ANONYMOUS";
  useEffect(() => {
    if (!ready) return;
    const run = () => NEXT_PAGES[role].forEach((p) => void pages[p]().catch(() => {}));
    const w = window as Window & { requestIdleCallback?: (cb: () => void) => number };
    if (w.requestIdleCallback) w.requestIdleCallback(run);
    else setTimeout(run, 1500);
  }, [role, ready]);
  return null;
}

/** Moves focus to <main> on navigation so screen-reader users hear the new page. */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  useEffect(() => {
    const main = document.getElementById("main");
    if (main && document.activeElement !== document.body) main.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

export function App() {
  return (
    <BrowserRouter>
      <FocusOnNavigate />
      <PrefetchPages />
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Landing />} />
          <Route path="sign-up" element={<SignUp />} />
          <Route path="sign-in" element={<SignIn />} />
          <Route path="verify-email" element={<VerifyEmail />} />
          <Route path="forgot-password" element={<ResetRequest />} />
          <Route path="reset-password" element={<ResetPassword mode="reset" />} />
          <Route path="set-password" element={<ResetPassword mode="set" />} />
          <Route path="me" element={<RequireAuth><Dashboard /></RequireAuth>} />
          <Route path="me/profile" element={<RequireAuth roles={["EXPERT"]}><ProfileEditor /></RequireAuth>} />
          <Route path="search" element={<Search />} />
          <Route path="experts/:id" element={<ExpertPage />} />
          <Route path="institutions/new" element={<RequireAuth roles={["INSTITUTION", "ADMIN"]}><InstitutionNew /></RequireAuth>} />
          <Route path="institutions/:id" element={<InstitutionPage />} />
          <Route path="institutions/:id/requests/new" element={<RequireAuth roles={["INSTITUTION", "ADMIN"]}><RequestEditor mode="new" /></RequireAuth>} />
          <Route path="requests" element={<RequestSearch />} />
          <Route path="requests/:id" element={<RequestPage />} />
          <Route path="requests/:id/edit" element={<RequireAuth roles={["INSTITUTION", "ADMIN"]}><RequestEditor mode="edit" /></RequireAuth>} />
          <Route path="engagements/:id" element={<RequireAuth><EngagementPage /></RequireAuth>} />
          <Route path="insight" element={<Insight />} />
          <Route path="notifications" element={<RequireAuth><Notifications /></RequireAuth>} />
          <Route path="moderation" element={<RequireAuth roles={["MODERATOR", "ADMIN"]}><Moderation /></RequireAuth>} />
          <Route path="moderation/audit" element={<RequireAuth roles={["ADMIN"]}><AuditLog /></RequireAuth>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
