import { decideReviewItem, getDrift, getReviewItem, listReviewItems, type DecisionDto, type ListReviewItemsData } from '@autonomos/sdk';
import { useEffect, useRef, useState } from 'react';
import { call, can, client } from '../api';
import { Badge, Card, ErrorLine, Json, Loading, Table, fmt, statusTone, useLiveReload, useLoad, useSession, When } from '../ui';
import { DriftChanges } from './drift';

type Filters = NonNullable<ListReviewItemsData['query']>;
type Change = { action: string; column: string; target: string; transform: unknown; confidence?: number; renamedFrom?: string };
type Proposal = { column: string; action: string; target: string | null; confidence: number; transform?: unknown; evidence?: { reasons?: string[]; candidates?: Array<{ target?: string; field?: string; confidence?: number }> } };
type Payload = { driftId?: string; changes?: Change[]; proposals?: Proposal[]; sampleRows?: Array<{ before: Record<string, unknown>; after: Record<string, unknown> }>; [k: string]: unknown };

const typing = (e: KeyboardEvent) => e.target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName);

export function HitlQueue() {
  const [filters, setFilters] = useState<Filters>({ status: 'pending' });
  const [selected, setSelected] = useState(0);
  const items = useLoad(() => call(() => listReviewItems({ client, query: { ...filters, limit: 100 } })), [JSON.stringify(filters)]);
  useLiveReload(['review.'], () => void items.reload());
  const list = items.data?.items ?? [];
  const listRef = useRef(list);
  listRef.current = list;
  // Keyboard: j/k move, Enter opens.
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (typing(e)) return;
      if (e.key === 'j') setSelected((s) => Math.min(s + 1, listRef.current.length - 1));
      if (e.key === 'k') setSelected((s) => Math.max(s - 1, 0));
      if (e.key === 'Enter' && listRef.current[selected]) window.location.hash = `#/hitl/${listRef.current[selected].id}`;
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, [selected]);
  const set = (k: keyof Filters, v: string) => setFilters((f) => ({ ...f, [k]: v || undefined }));
  return (
    <>
      <h1>Review queue</h1>
      <Card title="Filter">
        <div className="toolbar">
          <label>Status<select value={filters.status ?? ''} onChange={(e) => set('status', e.target.value)}><option value="">any</option><option>pending</option><option>approved</option><option>rejected</option><option>flagged</option></select></label>
          <label>Kind<select value={filters.kind ?? ''} onChange={(e) => set('kind', e.target.value)}><option value="">any</option><option>mapping</option><option>asset</option></select></label>
          <label>Risk<select value={filters.risk ?? ''} onChange={(e) => set('risk', e.target.value)}><option value="">any</option><option>high</option><option>medium</option><option>low</option></select></label>
          <span className="muted">Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens; in an item <kbd>a</kbd> approve, <kbd>r</kbd> reject, <kbd>f</kbd> flag, <kbd>n</kbd> next.</span>
        </div>
      </Card>
      <Card title={`Items (${list.length})`}>
        <Loading loading={items.loading} error={items.error} />
        {list.length === 0 && !items.loading ? <p className="muted">Nothing to review.</p> : (
          <table>
            <thead><tr><th>Title</th><th>Kind</th><th>Risk</th><th>Status</th><th>Requested</th></tr></thead>
            <tbody>
              {list.map((it, i) => (
                <tr key={it.id} className={i === selected ? 'selected' : ''}>
                  <td><a href={`#/hitl/${it.id}`}>{it.title}</a></td>
                  <td>{it.kind}</td>
                  <td><Badge tone={statusTone[it.risk]}>{it.risk}</Badge></td>
                  <td><Badge tone={statusTone[it.status]}>{it.status}</Badge></td>
                  <td><When at={it.createdAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

export function HitlItem({ id }: { id: string }) {
  const { role } = useSession();
  const item = useLoad(() => call(() => getReviewItem({ client, path: { id } })), [id]);
  const payload = (item.data?.payload ?? {}) as Payload;
  const drift = useLoad(async () => (payload.driftId ? call(() => getDrift({ client, path: { id: payload.driftId! } })) : undefined), [payload.driftId]);
  const [reason, setReason] = useState('');
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  useEffect(() => { setTargets({}); setReason(''); setDone(undefined); setError(undefined); }, [id]);
  const mayDecide = can.decide(role) && item.data?.status === 'pending';

  const next = async () => {
    const page = await call(() => listReviewItems({ client, query: { status: 'pending', limit: 2 } }));
    const other = page.items.find((i) => i.id !== id);
    window.location.hash = other ? `#/hitl/${other.id}` : '#/hitl';
  };
  const decide = async (decision: DecisionDto['decision']) => {
    setError(undefined);
    const changes = payload.changes ?? [];
    const edits = changes.filter((c) => targets[c.column] && targets[c.column] !== c.target);
    const body: DecisionDto = {
      decision,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(decision === 'approve' && edits.length ? { edited: { changes: changes.map((c) => ({ column: c.column, target: targets[c.column] || c.target, ...(c.transform ? { transform: c.transform } : {}) })) } } : {}),
    };
    try {
      const decided = await call(() => decideReviewItem({ client, path: { id }, body }));
      setDone(`Item ${decided.status}.`);
      item.setData(decided);
    } catch (e) { setError(e); }
  };
  const decideRef = useRef(decide);
  decideRef.current = decide;
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n') void next();
      if (!mayDecide) return;
      const map: Record<string, DecisionDto['decision']> = { a: 'approve', r: 'reject', f: 'flag' };
      if (map[e.key]) void decideRef.current(map[e.key]);
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  });

  const it = item.data;
  return (
    <>
      <p><a href="#/hitl">← Review queue</a></p>
      <Loading loading={item.loading} error={item.error} />
      {it && (
        <>
          <Card title={it.title} actions={<><Badge tone={statusTone[it.risk]}>{it.risk} risk</Badge><Badge tone={statusTone[it.status]}>{it.status}</Badge></>}>
            <p className="muted">{it.kind} · {it.stream ?? ''} · requested by {it.requestedBy.type} <When at={it.createdAt} />{it.decidedAt && <> · decided <When at={it.decidedAt} /> {it.reason && `(“${it.reason}”)`}</>}</p>
          </Card>
          {drift.data && (
            <Card title="Drift diff"><DriftChanges drift={drift.data} /></Card>
          )}
          {payload.changes && (
            <Card title="Proposed mapping changes">
              <table aria-label="Proposed mapping changes">
                <thead><tr><th>Column</th><th>Action</th><th>Target field</th><th>Transform</th><th>Confidence</th></tr></thead>
                <tbody>
                  {payload.changes.map((c) => (
                    <tr key={c.column}>
                      <td>{c.renamedFrom ? <><span className="diff-del">{c.renamedFrom}</span> → </> : null}{c.column}</td>
                      <td>{c.action}</td>
                      <td>{mayDecide ? <input aria-label={`Target for ${c.column}`} value={targets[c.column] ?? c.target} onChange={(e) => setTargets((t) => ({ ...t, [c.column]: e.target.value }))} /> : c.target}</td>
                      <td>{fmt(c.transform)}</td>
                      <td>{c.confidence !== undefined ? `${Math.round(c.confidence * 100)}%` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}
          {payload.proposals && (
            <Card title="Proposals and evidence">
              {payload.proposals.map((p, i) => (
                <details key={i} open={i === 0}>
                  <summary><strong>{p.column}</strong> → {p.target ?? '(none)'} · {p.action} · <Badge tone={p.confidence >= 0.8 ? 'green' : p.confidence >= 0.5 ? 'amber' : 'red'}>{Math.round(p.confidence * 100)}%</Badge></summary>
                  <ul>{p.evidence?.reasons?.map((r, j) => <li key={j}>{r}</li>)}</ul>
                  {p.evidence?.candidates && <Table rows={p.evidence.candidates as Array<Record<string, unknown>>} />}
                </details>
              ))}
            </Card>
          )}
          {payload.sampleRows && (
            <Card title="Sample rows before and after the transform">
              <table aria-label="Sample rows">
                <thead><tr><th>Before</th><th>After</th></tr></thead>
                <tbody>{payload.sampleRows.map((r, i) => <tr key={i}><td><code>{JSON.stringify(r.before)}</code></td><td><code>{JSON.stringify(r.after)}</code></td></tr>)}</tbody>
              </table>
            </Card>
          )}
          {it.kind === 'asset' && <Card title="Asset"><Json value={payload} /></Card>}
          <Card title="Decision">
            {mayDecide ? (
              <>
                <label>Reason<textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} /></label>
                <div className="actions">
                  <button className="green" onClick={() => void decide('approve')}>Approve</button>
                  <button className="red" onClick={() => void decide('reject')}>Reject</button>
                  <button className="amber" onClick={() => void decide('flag')}>Flag</button>
                  <button className="ghost" onClick={() => void next()}>Next item</button>
                </div>
              </>
            ) : (
              <p className="muted" data-testid="no-decide">{it.status !== 'pending' ? `Decided: ${it.status}.` : `Your role (${role}) can read this item but not decide it.`}</p>
            )}
            {done && <p className="ok" role="status">{done}</p>}
            <ErrorLine error={error} />
          </Card>
        </>
      )}
    </>
  );
}
