import { streamEvents } from '@autonomos/sdk';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, client, type Role } from './api';

/** Loads with an SDK call; reload() runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const ref = useRef(load);
  ref.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await ref.current());
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, []);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void reload(), deps);
  return { data, error, loading, reload, setData };
}

export interface LiveEvent {
  id: string;
  type: string;
  aggregateType?: string;
  aggregateId?: string;
  payload?: Record<string, unknown>;
  correlationId?: string | null;
  occurredAt?: string;
}

interface SessionInfo {
  role: Role;
  tenant: string;
  email: string;
  events: LiveEvent[];
  connected: boolean;
  subscribe(listener: (event: LiveEvent) => void): () => void;
}
export const SessionContext = createContext<SessionInfo | null>(null);
export function useSession(): SessionInfo {
  const value = useContext(SessionContext);
  if (!value) throw new Error('no session');
  return value;
}

/** The tenant's live events through the SDK's server-sent-events helper (reconnects with Last-Event-ID). */
export function useEventStream(enabled: boolean) {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [connected, setConnected] = useState(false);
  const listeners = useRef(new Set<(e: LiveEvent) => void>());
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    void (async () => {
      const { stream } = await streamEvents({
        client,
        signal: abort.signal,
        sseDefaultRetryDelay: 2000,
        onSseError: () => setConnected(false),
        onSseEvent: () => setConnected(true),
      });
      setConnected(true);
      try {
        for await (const raw of stream) {
          const event = (typeof raw === 'string' ? JSON.parse(raw) : raw) as LiveEvent;
          if (!event || typeof event !== 'object' || !event.type) continue;
          setEvents((all) => [event, ...all].slice(0, 500));
          listeners.current.forEach((l) => l(event));
        }
      } catch {
        setConnected(false);
      }
    })();
    return () => abort.abort();
  }, [enabled]);
  const subscribe = useCallback((listener: (e: LiveEvent) => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  return { events, connected, subscribe };
}

/** Calls `reload` when a live event whose type starts with one of `prefixes` arrives (debounced). */
export function useLiveReload(prefixes: string[], reload: () => void) {
  const { subscribe } = useSession();
  const timer = useRef<number | undefined>(undefined);
  useEffect(
    () =>
      subscribe((e) => {
        if (!prefixes.some((p) => e.type.startsWith(p))) return;
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(reload, 300);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [subscribe],
  );
}

export function ErrorLine({ error }: { error?: unknown }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError ? error.problem?.errors ?? [] : [];
  return (
    <div role="alert" className="error">
      {text}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ loading, error }: { loading: boolean; error?: string }) {
  if (error) return <ErrorLine error={error} />;
  return loading ? <p className="muted" aria-live="polite">Loading…</p> : null;
}

export function Card({ title, children, actions }: { title: ReactNode; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card" aria-label={typeof title === 'string' ? title : undefined}>
      <header className="card-head">
        <h2>{title}</h2>
        {actions && <div className="actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Badge({ tone, children }: { tone?: string; children: ReactNode }) {
  return <span className={`badge ${tone ?? ''}`}>{children}</span>;
}

export function Progress({ value, label }: { value: number; label: string }) {
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuenow={Math.round(value)} aria-valuemin={0} aria-valuemax={100}>
      <div style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
    </div>
  );
}

export function When({ at }: { at?: string | null }) {
  if (!at) return <span className="muted">never</span>;
  return <time dateTime={at} title={at}>{new Date(at).toLocaleString()}</time>;
}

export function Json({ value }: { value: unknown }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

/** A plain table of records, columns from the first rows. */
export function Table({ rows, columns, caption }: { rows: Array<Record<string, unknown>>; columns?: string[]; caption?: string }) {
  const cols = columns ?? Array.from(new Set(rows.slice(0, 20).flatMap((r) => Object.keys(r))));
  if (rows.length === 0) return <p className="muted">No rows.</p>;
  return (
    <div className="table-wrap">
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>{cols.map((c) => <th key={c}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{cols.map((c) => <td key={c}>{fmt(r[c])}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
export function fmt(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export const statusTone: Record<string, string> = { succeeded: 'green', failed: 'red', running: 'blue', queued: 'purple', cancelled: 'grey', pending: 'purple', approved: 'green', rejected: 'red', flagged: 'amber', high: 'red', medium: 'amber', low: 'green' };
