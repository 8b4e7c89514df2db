import { getAoaStatus, getLlmTelemetry, listTasks } from '@autonomos/sdk';
import { call, client } from '../api';
import { Badge, Card, Loading, statusTone, useLiveReload, useLoad, useSession, When } from '../ui';

export function Dashboard() {
  const status = useLoad(() => call(() => getAoaStatus({ client })));
  const tasks = useLoad(() => call(() => listTasks({ client, query: { limit: 8 } })));
  const llm = useLoad(() => call(() => getLlmTelemetry({ client })));
  const { events } = useSession();
  useLiveReload(['task.', 'aam.', 'hitl.', 'review.', 'dcl.', 'mapping.', 'drift', 'aoa.'], () => {
    void status.reload();
    void tasks.reload();
  });
  const s = status.data;
  const tokensToday = llm.data?.days.at(-1);
  return (
    <>
      <h1>Dashboard</h1>
      <Loading loading={status.loading && !s} error={status.error} />
      {s && (
        <div className="grid">
          <Card title="Open drift">
            <div className="stat" data-testid="open-drift">{s.drift.open}</div>
            <a href="#/drift">See drift</a>
          </Card>
          <Card title="Pending reviews">
            <div className="stat" data-testid="pending-reviews">{s.reviews.pending}</div>
            <p className="muted">{Object.entries(s.reviews.byKind).map(([k, n]) => `${k}: ${n}`).join(' · ') || 'none'}</p>
            <a href="#/hitl">Open the queue</a>
          </Card>
          <Card title="Discovered assets">
            <div className="stat">{s.assets.total}</div>
            <p><Badge tone="red">high {s.assets.high}</Badge> <Badge tone="amber">medium {s.assets.medium}</Badge> <Badge tone="green">low {s.assets.low}</Badge></p>
          </Card>
          <Card title="LLM usage">
            <p>{s.llm.enabled ? <Badge tone="green">{s.llm.provider} · {s.llm.model}</Badge> : <Badge tone="grey">off ({s.llm.reason})</Badge>}</p>
            {llm.data && <p className="muted">Tokens left today: {llm.data.tokensLeftToday.toLocaleString()} of {llm.data.dailyTokenBudget.toLocaleString()}{tokensToday ? '' : ''}</p>}
          </Card>
        </div>
      )}
      {s && (
        <div className="cols">
          <Card title="Connections and their health">
            {s.connections.length === 0 ? <p className="muted">No connections yet. <a href="#/connections">Create one</a>.</p> : (
              <table>
                <thead><tr><th>Name</th><th>Kind</th><th>Last sync</th><th>Read / written</th><th>Drifts</th></tr></thead>
                <tbody>
                  {s.connections.map((c) => (
                    <tr key={c.id}>
                      <td><a href={`#/connections/${c.id}`}>{c.name}</a></td>
                      <td>{c.kind}</td>
                      <td>{c.lastSync ? <Badge tone={statusTone[c.lastSync.status]}>{c.lastSync.status}</Badge> : <span className="muted">never</span>}</td>
                      <td>{c.lastSync ? `${c.lastSync.read} / ${c.lastSync.written}` : '—'}</td>
                      <td>{c.lastSync?.drifts ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          <Card title="View freshness">
            <table>
              <thead><tr><th>View</th><th>Rows</th><th>Refreshed</th></tr></thead>
              <tbody>
                {s.views.map((v) => (
                  <tr key={v.name}>
                    <td><a href={`#/views/${v.name}`}>{v.name}</a> {v.stale && <Badge tone="amber">stale</Badge>}</td>
                    <td>{v.rowCount ?? '—'}</td>
                    <td><When at={v.refreshedAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </div>
      )}
      <div className="cols">
        <Card title="Task activity">
          <Loading loading={tasks.loading && !tasks.data} error={tasks.error} />
          <table>
            <tbody>
              {tasks.data?.items.map((t) => (
                <tr key={t.id}><td>{t.type}</td><td><Badge tone={statusTone[t.status]}>{t.status}</Badge></td><td>{t.progress}%</td><td><When at={t.updatedAt} /></td></tr>
              ))}
            </tbody>
          </table>
          <a href="#/tasks">All tasks</a>
        </Card>
        <Card title="Latest events">
          <ul className="events">{events.slice(0, 10).map((e) => <li key={e.id}>{e.type} <span className="muted">{e.aggregateType}</span></li>)}</ul>
          <a href="#/live">Live flow</a>
        </Card>
      </div>
    </>
  );
}
