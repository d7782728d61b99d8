// Expert search (/search): a query box and filters kept in the URL, facet counts beside the
// filter values, results that update as you type (debounced) and on every filter change,
// "Show more" with the cursor. Anonymous visitors search public profiles; members also see
// members-only profiles (the server decides).
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { SearchExpertsDocument, SearchExpertsMoreDocument, type SearchHitFragment } from "../graphql/generated/graphql";
import { displayName, useI18n, type Lang, type TFunction } from "../i18n";
import { useApi, useQuery, useSession } from "../lib/api";
import { errorMessage } from "../lib/errors";
import {
  ENGAGEMENT_TYPES,
  EMPTY_SEARCH,
  WORK_MODES,
  hasFilters,
  parseHours,
  parseSearch,
  toSearchParams,
  toSearchVariables,
  toggle,
  type ListKey,
  type SearchState,
} from "../lib/searchState";
import { useTitle } from "../lib/useTitle";
import { ErrorBox } from "../components/Layout";
import { ExpertHitCard, HitSkeleton } from "../components/ExpertHitCard";

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;
const FACET_TOP = 8;

type Facet = { value: string; count: number }[];

export default function Search() {
  const { t, lang } = useI18n();
  const { client } = useApi();
  const { ready, account } = useSession();
  useTitle(t("search.title"));
  const [params, setParams] = useSearchParams();
  const state = parseSearch(params);
  const canonical = toSearchParams(state).toString();

  // What is typed (query, hours) is committed to the URL after a pause; filters at once.
  const [text, setText] = useState(state.q);
  const [hours, setHours] = useState(state.minHours?.toString() ?? "");
  // Follow URL changes that did not come from typing (back/forward, the nav link, "clear").
  const [seen, setSeen] = useState({ q: state.q, hours: state.minHours, committed: { q: state.q, hours: state.minHours } });
  if (seen.q !== state.q || seen.hours !== state.minHours) {
    const external = state.q !== seen.committed.q || state.minHours !== seen.committed.hours;
    setSeen({ q: state.q, hours: state.minHours, committed: { q: state.q, hours: state.minHours } });
    if (external) {
      setText(state.q);
      setHours(state.minHours?.toString() ?? "");
    }
  }

  function commit(next: SearchState) {
    setSeen((s) => ({ ...s, committed: { q: next.q.trim(), hours: next.minHours } }));
    setParams(toSearchParams(next), { replace: true });
  }

  const typedHours = parseHours(hours);
  const pending = text.trim() !== state.q || typedHours !== state.minHours;
  useEffect(() => {
    if (!pending) return;
    const id = setTimeout(() => commit({ ...parseSearch(new URLSearchParams(canonical)), q: text, minHours: typedHours }), DEBOUNCE_MS);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, typedHours, canonical, pending]);

  const current = (): SearchState => ({ ...state, q: text, minHours: typedHours });
  const setFilter = (next: SearchState) => commit(next);

  // The first page comes from useQuery (keyed by the variables); "Show more" pages are kept
  // here with the key they belong to, so a new search drops them.
  const vars = { ...toSearchVariables(state), first: PAGE_SIZE, after: null, lang };
  const key = JSON.stringify(vars);
  const q = useQuery(SearchExpertsDocument, vars, { skip: !ready });
  const [extra, setExtra] = useState<{ key: string; hits: SearchHitFragment[]; cursor: string | null } | null>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const focusRef = useRef<HTMLAnchorElement>(null);

  const result = q.data?.searchExperts;
  const more = extra && extra.key === key && result ? extra : null;
  const hits = result ? [...result.hits, ...(more?.hits ?? [])] : [];
  const cursor = more ? more.cursor : (result?.nextCursor ?? null);

  useEffect(() => {
    if (focusAt != null) focusRef.current?.focus();
  }, [focusAt]);

  async function loadMore() {
    if (!cursor || moreBusy) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const r = await client.request(SearchExpertsMoreDocument, { ...vars, after: cursor });
      const before = hits.length;
      setExtra({ key, hits: [...(more?.hits ?? []), ...r.searchExperts.hits], cursor: r.searchExperts.nextCursor });
      if (r.searchExperts.hits.length > 0) setFocusAt(before);
    } catch (e) {
      setMoreError(e);
    } finally {
      setMoreBusy(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    commit(current());
  }

  const [filtersOpen] = useState(() => hasFilters(state) || typeof window.matchMedia !== "function" || window.matchMedia("(min-width: 48rem)").matches);
  const activeFilters = [state.residence, state.origin, state.languages, state.engagement, state.modes].reduce((n, l) => n + l.length, 0) + (state.verified ? 1 : 0) + (state.minHours != null ? 1 : 0);
  const busy = !ready || q.loading;

  return (
    <>
      <h1>{t("search.title")}</h1>
      <p>
        {account ? (
          t("search.intro.member")
        ) : (
          <>
            {t("search.intro.public")} <Link to={`/sign-in?next=${encodeURIComponent(`/search${canonical ? `?${canonical}` : ""}`)}`}>{t("search.intro.signIn")}</Link>
          </>
        )}
      </p>

      <form role="search" className="search-form" onSubmit={onSubmit} aria-label={t("search.title")}>
        <label htmlFor="search-q" className="label">
          {t("search.query")}
        </label>
        <p className="hint" id="search-q-hint">
          {t("search.queryHint")}
        </p>
        <div className="search-row">
          <input id="search-q" name="q" type="search" value={text} aria-describedby="search-q-hint" autoComplete="off" enterKeyHint="search" onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button">
            {t("search.submit")}
          </button>
        </div>
      </form>

      <div className="search-layout">
        <details className="filters" open={filtersOpen}>
          <summary>
            <h2 className="filters-title">{activeFilters ? t("search.filtersActive", { n: activeFilters }) : t("search.filters")}</h2>
          </summary>
          <FacetGroup
            name="residence"
            legend={t("search.filter.residence")}
            selected={state.residence}
            facet={result?.residenceCountry}
            label={(v) => displayName(lang, "region", v)}
            onToggle={(v, on) => setFilter(toggle(current(), "residence", v, on))}
            t={t}
            lang={lang}
          />
          <FacetGroup
            name="origin"
            legend={t("search.filter.origin")}
            selected={state.origin}
            facet={result?.originCountry}
            label={(v) => displayName(lang, "region", v)}
            onToggle={(v, on) => setFilter(toggle(current(), "origin", v, on))}
            t={t}
            lang={lang}
          />
          <FacetGroup
            name="languages"
            legend={t("search.filter.language")}
            selected={state.languages}
            facet={result?.language}
            label={(v) => displayName(lang, "language", v)}
            onToggle={(v, on) => setFilter(toggle(current(), "languages", v, on))}
            t={t}
            lang={lang}
          />
          <FacetGroup
            name="engagement"
            legend={t("search.filter.engagement")}
            selected={state.engagement}
            facet={result?.engagementType}
            all={ENGAGEMENT_TYPES}
            label={(v) => t(`engagement.${v}`)}
            onToggle={(v, on) => setFilter(toggle(current(), "engagement", v, on))}
            t={t}
            lang={lang}
          />
          <FacetGroup
            name="modes"
            legend={t("search.filter.workMode")}
            selected={state.modes}
            facet={result?.workMode}
            all={WORK_MODES}
            label={(v) => t(`search.mode.${v}`)}
            onToggle={(v, on) => setFilter(toggle(current(), "modes", v, on))}
            t={t}
            lang={lang}
          />
          <div className="field">
            <label className="choice" htmlFor="f-verified">
              <input id="f-verified" type="checkbox" checked={state.verified} onChange={(e) => setFilter({ ...current(), verified: e.target.checked })} />
              <span>{t("search.filter.verified")}</span>
            </label>
          </div>
          <div className="field">
            <label htmlFor="f-hours" className="label">
              {t("search.filter.hours")}
            </label>
            <p className="hint" id="f-hours-hint">
              {t("search.filter.hoursHint")}
            </p>
            <input id="f-hours" className="input-short" type="text" inputMode="numeric" value={hours} aria-describedby="f-hours-hint" onChange={(e) => setHours(e.target.value)} />
          </div>
          {activeFilters > 0 && (
            <p>
              <button type="button" className="button button-secondary small" onClick={() => {
                  setHours("");
                  commit({ ...EMPTY_SEARCH, q: text });
                }}>
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
            {result ? t("search.count", { count: result.totalCount, shown: hits.length }) : busy ? t("search.searching") : ""}
          </p>
          {q.error && !busy ? (
            <>
              <ErrorBox message={errorMessage(t, q.error)} />
              <button type="button" className="button button-secondary" onClick={q.reload}>
                {t("search.retry")}
              </button>
            </>
          ) : !result ? (
            <div>
              <HitSkeleton />
              <HitSkeleton />
              <HitSkeleton />
            </div>
          ) : hits.length === 0 ? (
            <div className="notice">
              <p>
                <strong>{t("search.empty.title")}</strong>
              </p>
              <p>{hasFilters(state) ? t("search.empty.filters") : t("search.empty.query")}</p>
              {!account && <p>{t("search.empty.signIn")}</p>}
            </div>
          ) : (
            <>
              <ol className="plain-list hits">
                {hits.map((h, i) => (
                  <li key={`${h.expert.id}-${i}`}>
                    <ExpertHitCard hit={h} linkRef={i === focusAt ? focusRef : undefined} />
                  </li>
                ))}
              </ol>
              {moreError != null && <ErrorBox message={errorMessage(t, moreError)} />}
              {cursor && (
                <button type="button" className="button button-secondary" onClick={loadMore} disabled={moreBusy}>
                  {moreBusy ? t("common.loading") : t("search.more")}
                </button>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}

function FacetGroup(props: {
  name: ListKey;
  legend: string;
  selected: string[];
  facet: Facet | undefined;
  all?: readonly string[];
  label: (value: string) => string;
  onToggle: (value: string, on: boolean) => void;
  t: TFunction;
  lang: Lang;
}) {
  const { t } = props;
  const [showAll, setShowAll] = useState(false);
  const counts = new Map((props.facet ?? []).map((f) => [f.value, f.count]));
  let values: string[];
  let hidden = 0;
  if (props.all) {
    values = [...props.all];
  } else {
    const collator = new Intl.Collator(props.lang);
    const ranked = [...(props.facet ?? [])]
      .sort((a, b) => b.count - a.count || collator.compare(props.label(a.value), props.label(b.value)))
      .map((f) => f.value);
    const top = showAll ? ranked : ranked.slice(0, FACET_TOP);
    hidden = ranked.length - top.length;
    values = [...props.selected.filter((v) => !top.includes(v)), ...top];
  }
  if (values.length === 0) return null;
  const groupId = `f-${props.name}`;
  return (
    <fieldset className="field facet">
      <legend className="label">{props.legend}</legend>
      <ul className="facet-list">
        {values.map((v) => {
          const id = `${groupId}-${v}`;
          const on = props.selected.includes(v);
          return (
            <li key={v}>
              <label className="choice" htmlFor={id}>
                <input id={id} type="checkbox" checked={on} onChange={(e) => props.onToggle(v, e.target.checked)} />
                <span>
                  {props.label(v)} <span className="facet-count">({counts.get(v) ?? 0})</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {(hidden > 0 || showAll) && !props.all && (
        <button type="button" className="link-button" aria-expanded={showAll} onClick={() => setShowAll((s) => !s)}>
          {showAll ? t("search.facet.fewer") : t("search.facet.all", { n: hidden })}
        </button>
      )}
    </fieldset>
  );
}
