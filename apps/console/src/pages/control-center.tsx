import { demoScan, discoverAssets, getAoaStatus, type DemoScanResultDto, type DiscoveryResultDto } from '@autonomos/sdk';
import { useState, type FormEvent } from 'react';
import { call, can, client } from '../api';
import { Badge, Card, ErrorLine, useLoad, useSession } from '../ui';

const AOD_DASHBOARD_URL: string | undefined = import.meta.env.VITE_AOD_DASHBOARD_URL || undefined;

export function ControlCenter() {
  const { role } = useSession();
  const [tab, setTab] = useState<'scan' | 'discovery'>('scan');
  const [scan, setScan] = useState<DemoScanResultDto>();
  const [found, setFound] = useState<DiscoveryResultDto>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const status = useLoad(() => call(() => getAoaStatus({ client })));
  const run = async (fn: () => Promise<void>) => {
    setBusy(true); setError(undefined);
    try { await fn(); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const discover = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const query = String(new FormData(e.currentTarget).get('query'));
    void run(async () => setFound(await call(() => discoverAssets({ client, body: { query } }))));
  };
  return (
    <>
      <h1>Control center</h1>
      <div className="actions" role="tablist">
        <button role="tab" aria-selected={tab === 'scan'} className={tab === 'scan' ? '' : 'ghost'} onClick={() => setTab('scan')}>Demo scan</button>
        <button role="tab" aria-selected={tab === 'discovery'} className={tab === 'discovery' ? '' : 'ghost'} onClick={() => setTab('discovery')}>Discovery</button>
      </div>
      <ErrorLine error={error} />
      {tab === 'scan' && (
        <Card title="Demo scan">
          <p className="muted">Asks the AOS Discover service for the demo estate, scores each asset's risk and queues the risky ones for review.</p>
          {status.data && <p>Assets known: {status.data.assets.total}</p>}
          {can.operate(role) ? (
            <label style={{ flexDirection: 'row', alignItems: 'center' }}>
              <input type="checkbox" role="switch" style={{ width: 'auto' }} disabled={busy} checked={!!scan} onChange={(e) => e.target.checked ? void run(async () => { setScan(await call(() => demoScan({ client }))); void status.reload(); }) : setScan(undefined)} />
              Run the demo scan
            </label>
          ) : <p className="muted">Operators and admins run scans.</p>}
          {busy && <p aria-live="polite">Scanning…</p>}
          {scan && (
            <>
              <table aria-label="Assets per risk level">
                <thead><tr><th>Risk</th><th>Assets</th><th>Share</th></tr></thead>
                <tbody>{(['high', 'medium', 'low'] as const).map((l) => <tr key={l}><td><Badge tone={l === 'high' ? 'red' : l === 'medium' ? 'amber' : 'green'}>{l}</Badge></td><td>{scan.levels[l].count}</td><td>{scan.levels[l].percent}%</td></tr>)}</tbody>
              </table>
              <p>{scan.total} assets; {scan.reviews.requested} review(s) requested, {scan.reviews.alreadyQueued} already queued. <a href="#/hitl">Review the assets →</a></p>
            </>
          )}
        </Card>
      )}
      {tab === 'discovery' && (
        <div className="cols">
          <Card title="Discovery">
            <form onSubmit={discover} className="toolbar" aria-label="Discover assets">
              <label style={{ flex: 1 }}>What are you looking for?<input name="query" required placeholder="e.g. our cloud cost sources" /></label>
              <button type="submit" disabled={busy || !can.operate(role)}>Discover</button>
            </form>
            {found && (
              <>
                <p>{found.assets.length} assets · <Badge tone="red">high {found.levels.high.count}</Badge> <Badge tone="amber">medium {found.levels.medium.count}</Badge> <Badge tone="green">low {found.levels.low.count}</Badge></p>
                <ul>
                  {found.recommendations.map((r) => (
                    <li key={`${r.assetId}-${r.action}`}><Badge tone={r.riskLevel === 'high' ? 'red' : r.riskLevel === 'medium' ? 'amber' : 'green'}>{r.riskLevel}</Badge> <strong>{r.action.replace('_', ' ')}</strong> {r.assetName}{r.connectionKind ? ` (${r.connectionKind})` : ''}: {r.reason} <a href={r.link} target="_blank" rel="noreferrer">open</a></li>
                  ))}
                </ul>
              </>
            )}
          </Card>
          <Card title="AOS Discover dashboard" actions={AOD_DASHBOARD_URL && <a href={AOD_DASHBOARD_URL} target="_blank" rel="noreferrer">Open in new tab</a>}>
            {AOD_DASHBOARD_URL ? <iframe title="AOS Discover dashboard" src={AOD_DASHBOARD_URL} style={{ width: '100%', height: 480, border: 0 }} /> : <p className="muted">Set VITE_AOD_DASHBOARD_URL when building the console to embed the AOD dashboard here.</p>}
          </Card>
        </div>
      )}
    </>
  );
}
