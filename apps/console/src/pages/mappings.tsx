import { getConnectionSchema, getMappingHistory, listMappings, rollbackMapping, type MappingDto } from '@autonomos/sdk';
import { useState } from 'react';
import { call, can, client } from '../api';
import { Badge, Card, ErrorLine, Loading, fmt, useLiveReload, useLoad, useSession, When } from '../ui';
import { columnsOf } from './connections';
import { MappingEditor } from './mapping-editor';

/** The editor for an existing mapping, with the columns of its stream's current schema. */
function EditMapping({ mapping, onDone }: { mapping: MappingDto; onDone: (message?: string) => void }) {
  const schema = useLoad(() => call(() => getConnectionSchema({ client, path: { id: mapping.connectionId } })), [mapping.connectionId]);
  const stream = schema.data?.find((s) => s.stream === mapping.stream);
  return (
    <>
      <Loading loading={schema.loading} error={schema.error} />
      {schema.data && (
        <MappingEditor connectionId={mapping.connectionId} stream={mapping.stream} columns={columnsOf(stream?.current)} current={mapping}
          onSaved={onDone} onCancel={() => onDone()} />
      )}
    </>
  );
}

function History({ mapping, onRolledBack }: { mapping: MappingDto; onRolledBack: () => void }) {
  const { role } = useSession();
  const history = useLoad(() => call(() => getMappingHistory({ client, path: { id: mapping.mappingId } })), [mapping.mappingId, mapping.version]);
  const [error, setError] = useState<unknown>();
  const rollback = async (version?: number) => {
    setError(undefined);
    try { await call(() => rollbackMapping({ client, path: { id: mapping.mappingId }, body: version ? { version } : {} })); onRolledBack(); } catch (e) { setError(e); }
  };
  return (
    <>
      <Loading loading={history.loading} error={history.error} />
      <ErrorLine error={error} />
      <table aria-label="Mapping history">
        <thead><tr><th>Version</th><th>Change</th><th>By</th><th>Fields</th><th>When</th><th /></tr></thead>
        <tbody>
          {history.data?.map((v) => (
            <tr key={v.version}>
              <td>v{v.version} {v.active && <Badge tone="green">active</Badge>}</td>
              <td>{v.change}</td>
              <td>{v.actor.type}</td>
              <td>{v.fields.map((f) => `${f.source}→${f.target}`).join(', ')}</td>
              <td><When at={v.createdAt} /></td>
              <td>{can.operate(role) && !v.active && <button className="ghost" onClick={() => void rollback(v.version)}>Roll back to v{v.version}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function Mappings() {
  const { role } = useSession();
  const mappings = useLoad(() => call(() => listMappings({ client })));
  const [open, setOpen] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const [saved, setSaved] = useState<string>();
  useLiveReload(['mapping.'], () => void mappings.reload());
  return (
    <>
      <h1>Mappings</h1>
      <Loading loading={mappings.loading} error={mappings.error} />
      {saved && <p className="ok" role="status">{saved}</p>}
      {mappings.data?.length === 0 && <p className="muted">No mappings yet.</p>}
      {mappings.data?.map((m) => (
        <Card key={m.mappingId} title={<>{m.stream} → {m.entity} <Badge tone="purple" >v{m.version}</Badge></>} actions={<>
          {can.operate(role) && editing !== m.mappingId && <button className="ghost" onClick={() => { setSaved(undefined); setEditing(m.mappingId); }}>Edit</button>}
          <button className="ghost" onClick={() => setOpen(open === m.mappingId ? undefined : m.mappingId)}>{open === m.mappingId ? 'Hide history' : 'History'}</button>
        </>}>
          {editing === m.mappingId && <EditMapping mapping={m} onDone={(message) => { setEditing(undefined); setSaved(message); if (message) void mappings.reload(); }} />}
          <table aria-label={`Mapping ${m.stream}`} data-testid="mapping-fields">
            <thead><tr><th>Source column</th><th>Target field</th><th>Transform</th><th>Confidence</th><th>Origin</th></tr></thead>
            <tbody>
              {m.fields.map((f) => (
                <tr key={f.source}><td>{f.source}</td><td>{f.target}</td><td>{fmt(f.transform)}</td><td>{Math.round(f.confidence * 100)}%</td><td>{f.origin}</td></tr>
              ))}
            </tbody>
          </table>
          <p className="muted">Updated <When at={m.updatedAt} /></p>
          {open === m.mappingId && <History mapping={m} onRolledBack={() => void mappings.reload()} />}
        </Card>
      ))}
    </>
  );
}
