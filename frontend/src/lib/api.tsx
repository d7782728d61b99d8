// React glue: the client and the session in context, and a small query hook.
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { TypedDocumentString } from "../graphql/generated/graphql";
import type { Client } from "./client";
import type { Session, SessionAccount } from "./session";

interface Api {
  client: Client;
  session: Session;
}
const ApiContext = createContext<Api | null>(null);

export function ApiProvider(props: Api & { children: ReactNode }) {
  return (
    <ApiContext.Provider value={{ client: props.client, session: props.session }}>
      {props.children}
    </ApiContext.Provider>
  );
}

export function useApi(): Api {
  const v = useContext(ApiContext);
  if (!v) throw new Error("useApi outside ApiProvider");
  return v;
}

/** The signed-in account (null when signed out) and whether the session is known yet. */
export function useSession(): { account: SessionAccount | null; ready: boolean; session: Session } {
  const { session } = useApi();
  const account = useSyncExternalStore(
    (cb) => session.subscribe(cb),
    () => session.account,
  );
  const ready = useSyncExternalStore(
    (cb) => session.subscribe(cb),
    () => session.ready,
  );
  return { account, ready, session };
}

export interface QueryState<R> {
  data: R | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs a query when its variables change (compared as JSON); `skip` delays it. */
export function useQuery<R, V>(doc: TypedDocumentString<R, V>, variables: V, opts?: { skip?: boolean }): QueryState<R> {
  const { client } = useApi();
  const [state, setState] = useState<{ data?: R; error?: unknown; loading: boolean }>({ loading: !opts?.skip });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  const seq = useRef(0);
  useEffect(() => {
    if (opts?.skip) return;
    const mine = ++seq.current;
    setState((s) => ({ data: s.data, loading: true }));
    client.request(doc, JSON.parse(key) as V).then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (error) => mine === seq.current && setState({ error, loading: false }),
    );
  }, [client, doc, key, tick, opts?.skip]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
