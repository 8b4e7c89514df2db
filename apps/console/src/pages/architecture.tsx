import { getAoaStatus, listConnections, listMappings, listViews } from '@autonomos/sdk';
import { call, client } from '../api';
import { Card, Loading, useLiveReload, useLoad, useSession } from '../ui';

/** The platform's parts with live counts: sources → AAM → repair/HITL → DCL → views → pilots. */
export function Architecture() {
  const { events } = useSession();
  const data = useLoad(async () => {
    const [status, connections, mappings, views] = await Promise.all([
      call(() => getAoaStatus({ client })),
      call(() => listConnections({ client })),
      call(() => listMappings({ client })),
      call(() => listViews({ client })),
    ]);
    return { status, connections, mappings, views };
  });
  useLiveReload(['aam.', 'mapping.', 'review.', 'views.', 'task.'], () => void data.reload());
  const d = data.data;
  const count = (prefix: string) => events.filter((e) => e.type.startsWith(prefix)).length;
  const stages = d && [
    { name: 'Sources', href: '#/connections', lines: [`${d.connections.length} connections`, ...Object.entries(d.connections.reduce<Record<string, number>>((a, c) => ({ ...a, [c.kind]: (a[c.kind] ?? 0) + 1 }), {})).map(([k, n]) => `${k}: ${n}`)] },
    { name: 'AAM', href: '#/drift', lines: [`rows read (last syncs): ${d.status.connections.reduce((a, c) => a + (c.lastSync?.read ?? 0), 0)}`, `open drift: ${d.status.drift.open}`, `live aam events: ${count('aam.')}`] },
    { name: 'Repair & review', href: '#/hitl', lines: [`${d.mappings.length} mappings`, `pending reviews: ${d.status.reviews.pending}`, `live mapping events: ${count('mapping.')}`] },
    { name: 'DCL', href: '#/lineage', lines: [`${d.views.length} views`, `rows: ${d.views.reduce((a, v) => a + (v.rowCount ?? 0), 0)}`] },
    { name: 'Pilots', href: '#/views', lines: [`FinOps views: ${d.views.filter((v) => v.domain === 'finops').length}`, `RevOps views: ${d.views.filter((v) => v.domain === 'revops').length}`] },
  ];
  return (
    <>
      <h1>Architecture</h1>
      <Card title="Data flow">
        <Loading loading={data.loading && !d} error={data.error} />
        {stages && (
          <div className="flow" aria-label="Platform stages">
            {stages.map((s, i) => (
              <div key={s.name} style={{ display: 'contents' }}>
                {i > 0 && <span className="arrow" aria-hidden>→</span>}
                <a className="stage" href={s.href} style={{ textDecoration: 'none', color: 'inherit' }}>
                  <h3>{s.name}</h3>
                  <ul>{s.lines.map((l) => <li key={l}>{l}</li>)}</ul>
                </a>
              </div>
            ))}
          </div>
        )}
      </Card>
    </>
  );
}
