import { getDclGraph, getFinopsSummary, getLineage, getRevopsSummary, getTask, getViewRows, listViews, refreshView, type GraphDto, type LineageDto } from '@autonomos/sdk';
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import { call, can, client } from '../api';
import { Badge, Card, ErrorLine, Json, Loading, Table, useLiveReload, useLoad, useSession, When } from '../ui';

export function Views({ name }: { name?: string }) {
  const { role } = useSession();
  const views = useLoad(() => call(() => listViews({ client })));
  const current = name ?? views.data?.[0]?.name;
  const [cursor, setCursor] = useState<string | undefined>();
  const rows = useLoad(async () => (current ? call(() => getViewRows({ client, path: { name: current }, query: { limit: 50, cursor } })) : undefined), [current, cursor]);
  const finops = useLoad(() => call(() => getFinopsSummary({ client })));
  const revops = useLoad(() => call(() => getRevopsSummary({ client })));
  const [error, setError] = useState<unknown>();
  useLiveReload(['views.', 'dcl.', 'mapping.'], () => { void views.reload(); void rows.reload(); });
  const exportCsv = async () => {
    if (!current) return;
    try {
      const csv = await call(() => getViewRows({ client, path: { name: current }, query: { format: 'csv', limit: 10000 }, parseAs: 'text' }));
      const url = URL.createObjectURL(new Blob([String(csv)], { type: 'text/csv' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `${current}.csv` });
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) { setError(e); }
  };
  const refresh = async () => {
    if (!current) return;
    try {
      const task = await call(() => refreshView({ client, path: { name: current }, body: { full: true } }));
      // The refresh is a task: wait for it, so the rows shown are the refreshed ones.
      for (let status = task.status; !['succeeded', 'failed', 'cancelled'].includes(status); ) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        status = (await call(() => getTask({ client, path: { id: task.id } }))).status;
      }
      void views.reload();
      void rows.reload();
    } catch (e) { setError(e); }
  };
  const view = views.data?.find((v) => v.name === current);
  return (
    <>
      <h1>Views</h1>
      <Loading loading={views.loading} error={views.error} />
      <div className="toolbar" role="tablist" aria-label="Views">
        {views.data?.map((v) => <a key={v.name} role="tab" aria-selected={v.name === current} href={`#/views/${v.name}`} className="badge">{v.name} ({v.rowCount ?? 0})</a>)}
      </div>
      {view && (
        <Card title={<>{view.name} <Badge tone="purple">{view.domain}</Badge></>} actions={<><button className="ghost" onClick={() => void exportCsv()}>Export CSV</button>{can.operate(role) && <button onClick={() => void refresh()}>Refresh</button>}</>}>
          <p className="muted">{view.description} · reads {view.reads.join(', ')} · refreshed <When at={view.refreshedAt} /> · {view.rowCount ?? 0} rows</p>
          <ErrorLine error={error} />
          <Loading loading={rows.loading} error={rows.error} />
          {rows.data && <Table rows={rows.data.items} columns={rows.data.columns} caption={`Rows of ${view.name}`} />}
          <div className="actions">
            {cursor && <button className="ghost" onClick={() => setCursor(undefined)}>First page</button>}
            {rows.data?.nextCursor && <button className="ghost" onClick={() => setCursor(rows.data!.nextCursor!)}>Next page</button>}
          </div>
        </Card>
      )}
      <div className="cols">
        {[finops, revops].map((p, i) => (
          <Card key={i} title={i === 0 ? 'FinOps pilot' : 'RevOps pilot'}>
            <Loading loading={p.loading} error={p.error} />
            {p.data && <><p>{p.data.narrative}</p><p className="muted">from {p.data.sources.length} source(s) · {p.data.narrativeSource} · <When at={p.data.refreshedAt} /></p><Json value={p.data.figures} /></>}
          </Card>
        ))}
      </div>
    </>
  );
}

const COLUMN: Record<string, number> = { connection: 0, stream: 1, source_field: 2, entity_field: 3, entity: 4, view: 5, pilot: 6 };
const COLOR: Record<string, string> = { connection: '#1f9d6b', stream: '#1f9d6b', source_field: '#2f6fde', entity_field: '#7b4fd6', entity: '#7b4fd6', view: '#2f6fde', pilot: '#1f9d6b' };

function layout(graph: GraphDto): { nodes: Node[]; edges: Edge[] } {
  const rows: Record<number, number> = {};
  const nodes = graph.nodes.map((n) => {
    const col = COLUMN[n.type] ?? 0;
    const row = (rows[col] = (rows[col] ?? -1) + 1);
    return { id: n.id, position: { x: col * 220, y: row * 56 }, data: { label: n.label, type: n.type, raw: n.data }, style: { borderColor: COLOR[n.type], borderWidth: 2, fontFamily: 'Quicksand', width: 180 } } satisfies Node;
  });
  const edges = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, animated: e.type === 'mapping', label: e.type === 'mapping' ? String((e.data as { transform?: { kind?: string } }).transform?.kind ?? '') : undefined } satisfies Edge));
  return { nodes, edges };
}

export function Lineage() {
  const graph = useLoad(() => call(() => getDclGraph({ client })));
  const [lineage, setLineage] = useState<LineageDto>();
  const [error, setError] = useState<unknown>();
  const flow = useMemo(() => (graph.data ? layout(graph.data) : { nodes: [], edges: [] }), [graph.data]);
  useLiveReload(['mapping.', 'views.'], () => void graph.reload());
  const open = async (node: Node) => {
    const type = (node.data as { type: string }).type;
    if (type !== 'entity_field') return;
    const raw = (node.data as { raw: Record<string, unknown> }).raw;
    const [entity, field] = [String(raw.entity ?? ''), String(raw.field ?? node.data.label)];
    try { setLineage(await call(() => getLineage({ client, query: { entity, field } }))); setError(undefined); } catch (e) { setError(e); }
  };
  return (
    <>
      <h1>Lineage</h1>
      <Card title="Entity and lineage graph">
        <p className="muted">Sources → streams → source fields → entity fields → entities → views → pilots. Click an entity field for its lineage.</p>
        <Loading loading={graph.loading} error={graph.error} />
        {graph.data && graph.data.nodes.length === 0 && <p className="muted">Nothing mapped yet.</p>}
        <div className="graph" aria-label="Lineage graph">
          <ReactFlow nodes={flow.nodes} edges={flow.edges} onNodeClick={(_, n) => void open(n)} fitView nodesConnectable={false} colorMode={document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'}>
            <Background />
            <Controls />
          </ReactFlow>
        </div>
      </Card>
      <ErrorLine error={error} />
      {lineage && (
        <Card title={`Lineage of ${lineage.entity}.${lineage.field}`}>
          <Table rows={lineage.sources.map((s) => ({ connection: s.connectionName, kind: s.sourceKind, stream: s.stream, column: s.sourceColumn, version: s.version, transform: s.transform, confidence: s.confidence, origin: s.origin }))} />
          <p>Feeds views: {lineage.views.map((v) => <Badge key={JSON.stringify(v)}>{String((v as { name?: string }).name ?? JSON.stringify(v))}</Badge>)}</p>
        </Card>
      )}
    </>
  );
}
