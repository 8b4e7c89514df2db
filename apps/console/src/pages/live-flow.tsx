import { useState } from 'react';
import { useSession } from '../ui';

export function LiveFlow() {
  const { events, connected } = useSession();
  const [filter, setFilter] = useState('');
  const [paused, setPaused] = useState<typeof events | null>(null);
  const shown = (paused ?? events).filter((e) => !filter || `${e.type} ${e.aggregateType ?? ''} ${e.aggregateId ?? ''}`.toLowerCase().includes(filter.toLowerCase()));
  const types = Array.from(new Set(events.map((e) => e.type))).sort();
  return (
    <>
      <h1>Live flow</h1>
      <section className="card" aria-label="Live events">
        <div className="toolbar">
          <label>Filter<input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="type, aggregate or id" list="event-types" /></label>
          <datalist id="event-types">{types.map((t) => <option key={t} value={t} />)}</datalist>
          <button className="ghost" onClick={() => setPaused(paused ? null : events)}>{paused ? 'Resume' : 'Pause'}</button>
          <span className={connected ? 'ok' : 'muted'}>{connected ? 'connected' : 'reconnecting…'}</span>
        </div>
        <p className="muted">{shown.length} of {events.length} events received since sign-in.</p>
        <ul className="events" aria-live="polite">
          {shown.map((e) => (
            <li key={e.id}>
              <time>{e.occurredAt ? new Date(e.occurredAt).toLocaleTimeString() : ''}</time> <strong>{e.type}</strong> {e.aggregateType}:{e.aggregateId?.slice(0, 8)}
              <details><summary>payload</summary><pre className="json">{JSON.stringify(e.payload, null, 2)}</pre></details>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
