import { getDrift, listConnections, listDrifts, runSaga, type DriftDto } from '@autonomos/sdk';
import { useState } from 'react';
import { call, can, client } from '../api';
import { Badge, Card, ErrorLine, Loading, fmt, useLiveReload, useLoad, useSession, When } from '../ui';

const tone: Record<string, string> = { column_added: 'green', column_removed: 'red', column_renamed: 'purple', type_changed: 'amber' };

/** The typed diff of a drift: one row per change, coloured by kind and severity. */
export function DriftChanges({ drift }: { drift: DriftDto }) {
  return (
    <table aria-label="Drift diff">
      <thead><tr><th>Change</th><th>Column</th><th>Detail</th><th>Severity</th></tr></thead>
      <tbody>
        {drift.changes.map((ch, i) => {
          const { kind, column, from, to, severity, ...rest } = ch as Record<string, unknown>;
          return (
            <tr key={i}>
              <td><Badge tone={tone[String(kind)]}>{String(kind)}</Badge></td>
              <td>{column ? String(column) : <><span className="diff-del">{String(from)}</span> → <span className="diff-add">{String(to)}</span></>}</td>
              <td className="muted">{Object.entries(rest).map(([k, v]) => `${k}: ${fmt(v)}`).join(' · ')}</td>
              <td><Badge tone={severity === 'breaking' ? 'red' : 'green'}>{String(severity ?? '')}</Badge></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function DriftList() {
  const { role } = useSession();
  const drifts = useLoad(() => call(() => listDrifts({ client, query: { limit: 100 } })));
  const connections = useLoad(() => call(() => listConnections({ client })));
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  useLiveReload(['aam.schema_drift'], () => void drifts.reload());
  const names = new Map(connections.data?.map((c) => [c.id, c.name]));
  const scan = async (connectionId: string) => {
    setError(undefined);
    try {
      const task = await call(() => runSaga({ client, path: { name: 'drift-scan' }, body: { connectionId } }));
      setMessage(`Drift scan started (task ${task.id}).`);
    } catch (e) { setError(e); }
  };
  return (
    <>
      <h1>Drift</h1>
      {can.operate(role) && connections.data && connections.data.length > 0 && (
        <Card title="Drift scan">
          <div className="toolbar">{connections.data.map((c) => <button key={c.id} className="ghost" onClick={() => void scan(c.id)}>Scan {c.name}</button>)}</div>
          {message && <p className="ok" role="status">{message}</p>}
          <ErrorLine error={error} />
        </Card>
      )}
      <Card title="Detected drift">
        <Loading loading={drifts.loading} error={drifts.error} />
        {drifts.data && (drifts.data.items.length === 0 ? <p className="muted">No drift detected.</p> : (
          <table>
            <thead><tr><th>Connection</th><th>Stream</th><th>Versions</th><th>Breaking</th><th>Changes</th><th>Detected</th></tr></thead>
            <tbody>
              {drifts.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{names.get(d.connectionId) ?? d.connectionId}</td>
                  <td><a href={`#/drift/${d.id}`}>{d.stream}</a></td>
                  <td>v{d.fromVersion} → v{d.toVersion}</td>
                  <td>{d.breaking ? <Badge tone="red">breaking</Badge> : <Badge tone="green">compatible</Badge>}</td>
                  <td>{d.changes.length}</td>
                  <td><When at={d.detectedAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </Card>
    </>
  );
}

export function DriftDetail({ id }: { id: string }) {
  const drift = useLoad(() => call(() => getDrift({ client, path: { id } })), [id]);
  const d = drift.data;
  return (
    <>
      <p><a href="#/drift">← Drift</a></p>
      <Loading loading={drift.loading} error={drift.error} />
      {d && (
        <Card title={<>{d.stream}: v{d.fromVersion} → v{d.toVersion} {d.breaking && <Badge tone="red">breaking</Badge>}</>}>
          <p className="muted">Detected <When at={d.detectedAt} /> on <a href={`#/connections/${d.connectionId}`}>the connection</a> (see its schema history for the side-by-side versions).</p>
          <DriftChanges drift={d} />
        </Card>
      )}
    </>
  );
}
