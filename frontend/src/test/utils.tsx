import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { I18nProvider, type Lang, type Messages } from "../i18n";
import en from "../i18n/en.json";
import fr from "../i18n/fr.json";
import es from "../i18n/es.json";
import ar from "../i18n/ar.json";
import { ApiProvider } from "../lib/api";
import { createClient, type FetchFn } from "../lib/client";
import { Session } from "../lib/session";

export const MESSAGES: Record<Lang, Messages> = { en, fr, es, ar };

/** A fetch that answers GraphQL requests with `handler(operationName-ish query, variables)`. */
export function fakeFetch(handler: (body: { query: string; variables: Record<string, unknown> }, headers: Record<string, string>) => unknown): FetchFn & { calls: { query: string; variables: Record<string, unknown>; headers: Record<string, string> }[] } {
  const calls: { query: string; variables: Record<string, unknown>; headers: Record<string, string> }[] = [];
  const fn = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    const headers = init.headers as Record<string, string>;
    calls.push({ ...body, headers });
    const result = await handler(body, headers);
    return new Response(JSON.stringify(result), { status: 200, headers: { "content-type": "application/json" } });
  }) as FetchFn & { calls: typeof calls };
  fn.calls = calls;
  return fn;
}

export function renderWithApp(ui: ReactNode, opts: { fetch: FetchFn; lang?: Lang; path?: string; session?: Session }) {
  const session = opts.session ?? new Session(sessionStorage);
  const client = createClient({ session, fetch: opts.fetch });
  const lang = opts.lang ?? "en";
  return {
    session,
    client,
    ui: (
      <I18nProvider lang={lang} messages={MESSAGES[lang]}>
        <ApiProvider client={client} session={session}>
          <MemoryRouter initialEntries={[opts.path ?? "/"]}>{ui}</MemoryRouter>
        </ApiProvider>
      </I18nProvider>
    ),
  };
}
