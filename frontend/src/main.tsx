import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { I18nProvider, applyDocumentLang, initialLang, loadMessages } from "./i18n";
import { ApiProvider } from "./lib/api";
import { createClient } from "./lib/client";
import { Session } from "./lib/session";
import { RefreshDocument } from "./graphql/generated/graphql";
import "./styles.css";

const session = new Session(sessionStorage);
const client = createClient({ session });
session.setRefreshFn(async (refreshToken) => (await client.request(RefreshDocument, { refreshToken }, { auth: false })).refresh);
// Resume the session (if this tab has one) while the first page renders.
void session.restore();

const lang = initialLang();
applyDocumentLang(lang);
loadMessages(lang).then((messages) => {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <I18nProvider lang={lang} messages={messages}>
        <ApiProvider client={client} session={session}>
          <App />
        </ApiProvider>
      </I18nProvider>
    </StrictMode>,
  );
});
