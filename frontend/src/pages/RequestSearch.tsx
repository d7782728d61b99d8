// /requests — find open requests for help (searchRequests, public): a query box and filters
// kept in the URL (lib/requestSearchState.ts), results as you type (after a pause), each with
// the highlighted text and the reasons, and "Show more" with the last hit's cursor (a page
// shorter than asked is the last). A signed-in expert's reasons compare with their profile.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { SearchRequestsDocument, type RequestKind, type RequestSearchHitFragment, type WorkMode } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi, useQuery, useSession } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { REQUEST_KINDS, parseRequestSearch, toRequestSearchParams, toRequestSearchVariables, toggleValue, type RequestSearchState } from "../lib/requestSearchState";
import { WORK_MODES } from "../lib/searchState";
import { useTitle } from "../lib/useTitle";
import { ErrorBox } from "../components/Layout";
import { HitSkeleton } from "../components/ExpertHitCard";
import { RequestSearchHitCard } from "../components/RequestSearchHitCard";

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;

export default function RequestSearch() {
  const { t, lang } = useI18n();
  const { client } = useApi();
  const { ready, account } = useSession();
  useTitle(t("requestSearch.title"));
  const [params, setParams] = useSearchParams();
  const state = parseRequestSearch(params);
  const canonical = toRequestSearchParams(state).toString();

  // The typed query reaches the URL after a pause; a URL change from elsewhere (back, the nav
  // link) replaces what is typed.
  const [text, setText] = useState(state.q);
  const [seen, setSeen] = useState({ q: state.q, committed: state.q });
  if (seen.q !== state.q) {
    setSeen({ q: state.q, committed: state.q });
    if (state.q !== seen.committed) setText(state.q);
  }
  function commit(next: RequestSearchState) {
    setSeen((s) => ({ ...s, committed: next.q.trim() }));
    setParams(toRequestSearchParams(next), { replace: true });
  }
  const pending = text.trim() !== state.q;
  useEffect(() => {
    if (!pending) return;
    const id = setTimeout(() => commit({ ...parseRequestSearch(new URLSearchParams(canonical)), q: text }), DEBOUNCE_MS);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, canonical, pending]);

  const vars = { ...toRequestSearchVariables(state), first: PAGE_SIZE, after: null, lang };
  const key = JSON.stringify(vars);
  const q = useQuery(SearchRequestsDocument, vars, { skip: !ready });
  const [extra, setExtra] = useState<{ key: string; hits: RequestSearchHitFragment[]; done: boolean } | null>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const focusRef = useRef<HTMLAnchorElement>(null);

  const first = q.data?.searchRequests;
  const more = extra && extra.key === key && first ? extra : null;
  const hits = first ? [...first, ...(more?.hits ?? [])] : [];
  const hasMore = first != null && (more ? !more.done : first.length >= PAGE_SIZE);

  useEffect(() => {
    if (focusAt != null) focusRef.current?.focus();
  }, [focusAt]);

  async function loadMore() {
    const last = hits.at(-1);
    if (!last || moreBusy) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const r = await client.request(SearchRequestsDocument, { ...vars, after: last.cursor });
      const before = hits.length;
      setExtra({ key, hits: [...(more?.hits ?? []), ...r.searchRequests], done: r.searchRequests.length < PAGE_SIZE });
      if (r.searchRequests.length > 0) setFocusAt(before);
    } catch (e) {
      setMoreError(e);
    } finally {
      setMoreBusy(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    commit({ ...state, q: text });
  }

  const busy = !ready || q.loading;
  const expert = account?.role === "EXPERT";
  const filters = state.kinds.length + state.modes.length;

  return (
    <>
      <h1>{t("requestSearch.title")}</h1>
      <p>
        {t("requestSearch.intro")}{" "}
        {!account && <Link to={`/sign-in?next=${encodeURIComponent(`/requests${canonical ? `?${canonical}` : ""}`)}`}>{t("requestSearch.signIn")}</Link>}
      </p>

      <form role="search" className="search-form" onSubmit={onSubmit} aria-label={t("requestSearch.title")}>
        <label htmlFor="request-q" className="label">
          {t("requestSearch.query")}
        </label>
        <p className="hint" id="request-q-hint">
          {t("requestSearch.queryHint")}
        </p>
        <div className="search-row">
          <input id="request-q" name="q" type="search" value={text} aria-describedby="request-q-hint" autoComplete="off" enterKeyHint="search" onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button">
            {t("search.submit")}
          </button>
        </div>
      </form>

      <div className="search-layout">
        <details className="filters" open={filters > 0 || typeof window.matchMedia !== "function" || window.matchMedia("(min-width: 48rem)").matches}>
          <summary>
            <h2 className="filters-title">{filters ? t("search.filtersActive", { n: filters }) : t("search.filters")}</h2>
          </summary>
          <Checks
            name="kind"
            legend={t("requestSearch.filter.kind")}
            values={REQUEST_KINDS}
            selected={state.kinds}
            label={(v) => t(`requestKind.${v}`)}
            onChange={(kinds) => commit({ ...state, q: text, kinds: kinds as RequestKind[] })}
          />
          <Checks
            name="mode"
            legend={t("requestSearch.filter.mode")}
            values={WORK_MODES}
            selected={state.modes}
            label={(v) => t(`requestMode.${v}`)}
            onChange={(modes) => commit({ ...state, q: text, modes: modes as WorkMode[] })}
          />
          {filters > 0 && (
            <p>
              <button type="button" className="button button-secondary small" onClick={() => commit({ q: text, kinds: [], modes: [] })}>
                {t("search.clearFilters")}
              </button>
            </p>
          )}
        </details>

        <section className="results" aria-labelledby="results-title" aria-busy={busy}>
          <h2 id="results-title" className="visually-hidden">
            {t("search.results")}
          </h2>
          <p role="status" className="result-count">
            {first ? t(hasMore ? "requestSearch.countMore" : "requestSearch.count", { shown: hits.length }) : busy ? t("search.searching") : ""}
          </p>
          {q.error && !busy ? (
            <>
              <ErrorBox message={errorMessage(t, q.error)} />
              <button type="button" className="button button-secondary" onClick={q.reload}>
                {t("search.retry")}
              </button>
            </>
          ) : !first ? (
            <div>
              <HitSkeleton />
              <HitSkeleton />
            </div>
          ) : hits.length === 0 ? (
            <div className="notice">
              <p>
                <strong>{t("requestSearch.empty.title")}</strong>
              </p>
              <p>{filters ? t("search.empty.filters") : t("requestSearch.empty.query")}</p>
            </div>
          ) : (
            <>
              <ol className="plain-list hits">
                {hits.map((h, i) => (
                  <li key={`${h.request.id}-${i}`}>
                    <RequestSearchHitCard hit={h} signedInExpert={expert} linkRef={i === focusAt ? focusRef : undefined} />
                  </li>
                ))}
              </ol>
              {moreError != null && <ErrorBox message={errorMessage(t, moreError)} />}
              {hasMore && (
                <button type="button" className="button button-secondary" onClick={loadMore} disabled={moreBusy}>
                  {moreBusy ? t("common.loading") : t("requestSearch.more")}
                </button>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}

function Checks(props: { name: string; legend: string; values: readonly string[]; selected: string[]; label: (v: string) => string; onChange: (next: string[]) => void }) {
  return (
    <fieldset className="field facet">
      <legend className="label">{props.legend}</legend>
      <ul className="facet-list">
        {props.values.map((v) => {
          const id = `f-${props.name}-${v}`;
          return (
            <li key={v}>
              <label className="choice" htmlFor={id}>
                <input id={id} type="checkbox" checked={props.selected.includes(v)} onChange={(e) => props.onChange(toggleValue(props.selected, v, e.target.checked))} />
                <span>{props.label(v)}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
