import {
  createConnection, getConnection, getConnectionSchema, getTask, listConnections, listConnectionStreams, listMappings, syncConnection, testConnection, uploadConnectionFile,
  type ConnectionDto, type CreateConnectionDto, type SchemaVersionDto, type TaskDto,
} from '@autonomos/sdk';
import { useEffect, useState, type FormEvent } from 'react';
import { call, can, client } from '../api';
import { Badge, Card, ErrorLine, Json, Loading, Progress, statusTone, useLoad, useSession, When } from '../ui';
import { MappingEditor } from './mapping-editor';

type Kind = CreateConnectionDto['kind'];
/** A form field: its key in `config` or `credentials`, a label, and how its text becomes the value. */
interface Field { key: string; label: string; type?: 'list' | 'number' | 'textarea'; options?: string[]; required?: boolean }
// Per-kind forms, field for field the backend's DTOs (libs/aam/src/connectors/*-connection.dto.ts; unknown fields are
// refused): what each connector reads from `config` and (write-only, sealed) from `credentials`.
const POSTGRES: { config: Field[]; secrets: Field[] } = {
  config: [
    { key: 'host', label: 'Host', required: true },
    { key: 'port', label: 'Port (default 5432)', type: 'number' },
    { key: 'database', label: 'Database', required: true },
    { key: 'schemas', label: 'Schemas (comma-separated, default public)', type: 'list' },
    { key: 'sslmode', label: 'SSL mode', options: ['disable', 'require', 'verify-ca', 'verify-full'] },
    { key: 'caCert', label: 'CA certificate (PEM, optional)', type: 'textarea' },
  ],
  secrets: [{ key: 'user', label: 'User', required: true }, { key: 'password', label: 'Password' }],
};
const KIND_FIELDS: Record<Kind, { config: Field[]; secrets: Field[] }> = {
  filesource: {
    config: [{ key: 'path', label: 'Server-side file (optional; or upload below)' }, { key: 'keyColumns', label: 'Key columns (comma-separated)', type: 'list' }],
    secrets: [],
  },
  postgres: POSTGRES,
  supabase: POSTGRES,
  salesforce: {
    config: [
      { key: 'loginUrl', label: 'Login URL (default https://login.salesforce.com)' },
      { key: 'apiVersion', label: 'API version (default 60.0)' },
      { key: 'objects', label: 'Objects (comma-separated, default all)', type: 'list' },
    ],
    // An access token with its instance URL, or what an OAuth flow needs to get one.
    secrets: [
      { key: 'instanceUrl', label: 'Instance URL' },
      { key: 'accessToken', label: 'Access token' },
      { key: 'refreshToken', label: 'Refresh token' },
      { key: 'clientId', label: 'Client ID' },
      { key: 'clientSecret', label: 'Client secret' },
    ],
  },
  mongodb: {
    config: [
      { key: 'database', label: 'Database', required: true },
      { key: 'collections', label: 'Collections (comma-separated, default all)', type: 'list' },
      { key: 'sampleSize', label: 'Documents sampled for the schema (default 200)', type: 'number' },
    ],
    secrets: [{ key: 'uri', label: 'Connection URI (mongodb://…)', required: true }],
  },
};

function FieldInput({ field, secret }: { field: Field; secret?: boolean }) {
  const { key, label, type, options, required } = field;
  if (options) return <label>{label}<select name={key} defaultValue=""><option value="">default</option>{options.map((o) => <option key={o}>{o}</option>)}</select></label>;
  if (type === 'textarea') return <label>{label}<textarea name={key} rows={2} /></label>;
  return <label>{label}<input name={key} type={secret ? 'password' : type === 'number' ? 'number' : 'text'} autoComplete={secret ? 'off' : undefined} required={required} /></label>;
}

function CreateConnection({ onCreated }: { onCreated: (c: ConnectionDto) => void }) {
  const [kind, setKind] = useState<Kind>('filesource');
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const pick = (fields: Field[]) =>
      Object.fromEntries(
        fields
          .map((f) => [f, String(form.get(f.key) ?? '').trim()] as const)
          .filter(([, v]) => v !== '')
          .map(([f, v]) => [f.key, f.type === 'list' ? v.split(',').map((s) => s.trim()).filter(Boolean) : f.type === 'number' ? Number(v) : v]),
      );
    const config = pick(KIND_FIELDS[kind].config);
    const credentials = pick(KIND_FIELDS[kind].secrets);
    const stream = String(form.get('contractStream') ?? '').trim();
    const mode = String(form.get('contractMode') ?? '');
    const body: CreateConnectionDto = {
      name: String(form.get('name')),
      kind,
      config,
      ...(Object.keys(credentials).length ? { credentials } : {}),
      ...(form.get('domain') ? { domain: form.get('domain') as CreateConnectionDto['domain'] } : {}),
      ...(stream && mode ? { contracts: { [stream]: { mode } } } : {}),
    };
    try {
      const created = await call(() => createConnection({ client, body }));
      setError(undefined);
      e.currentTarget?.reset();
      onCreated(created);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title="New connection">
      <form onSubmit={submit} aria-label="New connection">
        <div className="grid">
          <label>Name<input name="name" required /></label>
          <label>Kind
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {Object.keys(KIND_FIELDS).map((k) => <option key={k}>{k}</option>)}
            </select>
          </label>
          <label>Domain
            <select name="domain" defaultValue=""><option value="">automatic</option><option>finops</option><option>revops</option><option>unknown</option></select>
          </label>
          {KIND_FIELDS[kind].config.map((f) => <FieldInput key={`${kind}.${f.key}`} field={f} />)}
          {KIND_FIELDS[kind].secrets.map((f) => <FieldInput key={`${kind}.${f.key}`} field={f} secret />)}
          <label>Contract stream<input name="contractStream" placeholder="e.g. cost_reports" /></label>
          <label>On drift
            <select name="contractMode" defaultValue=""><option value="">no contract</option><option value="discard_row">hold rows back (discard_row)</option><option value="evolve">evolve</option><option value="freeze">freeze</option><option value="discard_value">discard_value</option></select>
          </label>
        </div>
        <p className="muted">Secrets are sealed on the server and never shown back.</p>
        <ErrorLine error={error} />
        <button type="submit">Create connection</button>
      </form>
    </Card>
  );
}

export function Connections() {
  const { role } = useSession();
  const list = useLoad(() => call(() => listConnections({ client })));
  return (
    <>
      <h1>Connections</h1>
      {can.operate(role) && <CreateConnection onCreated={(c) => (window.location.hash = `#/connections/${c.id}`)} />}
      <Card title="Connections">
        <Loading loading={list.loading} error={list.error} />
        {list.data && (list.data.length === 0 ? <p className="muted">No connections yet.</p> : (
          <table>
            <thead><tr><th>Name</th><th>Kind</th><th>Domain</th><th>Credentials</th><th>Created</th></tr></thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td><a href={`#/connections/${c.id}`}>{c.name}</a></td><td>{c.kind}</td><td>{c.domain}</td>
                  <td>{c.hasCredentials ? <Badge tone="green">sealed</Badge> : <span className="muted">none</span>}</td><td><When at={c.createdAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </Card>
    </>
  );
}

type Column = { name: string; type?: string; nullable?: boolean; profile?: { samples?: string[] } };
export const columnsOf = (v?: SchemaVersionDto) => ((v?.schema as { columns?: Column[] })?.columns ?? []);

/** Two schema versions side by side: added, removed, retyped columns marked. */
export function SchemaDiff({ left, right }: { left?: SchemaVersionDto; right?: SchemaVersionDto }) {
  const a = new Map(columnsOf(left).map((c) => [c.name, c]));
  const b = new Map(columnsOf(right).map((c) => [c.name, c]));
  const names = Array.from(new Set([...a.keys(), ...b.keys()]));
  return (
    <table aria-label="Schema diff">
      <thead><tr><th>v{left?.version ?? '?'}</th><th>v{right?.version ?? '?'}</th></tr></thead>
      <tbody>
        {names.map((n) => {
          const l = a.get(n), r = b.get(n);
          const cls = !l ? 'diff-add' : !r ? 'diff-del' : l.type !== r.type ? 'diff-chg' : '';
          return (
            <tr key={n}>
              <td className={l && !r ? 'diff-del' : cls}>{l ? `${l.name} : ${l.type}` : ''}</td>
              <td className={r && !l ? 'diff-add' : cls}>{r ? `${r.name} : ${r.type}` : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function StreamHistory({ id, version }: { id: string; version: number }) {
  const { role } = useSession();
  const schema = useLoad(() => call(() => getConnectionSchema({ client, path: { id } })), [id, version]);
  const mappings = useLoad(() => call(() => listMappings({ client, query: { connectionId: id } })), [id, version]);
  const [pick, setPick] = useState<Record<string, [number, number]>>({});
  const [editing, setEditing] = useState<string>();
  const [saved, setSaved] = useState<{ stream: string; text: string }>();
  return (
    <Card title="Streams and schema history">
      <Loading loading={schema.loading} error={schema.error} />
      {schema.data?.length === 0 && <p className="muted">No streams yet: sync or upload a file.</p>}
      {schema.data?.map((s) => {
        const versions = [...s.history].sort((x, y) => x.version - y.version);
        const [from, to] = pick[s.stream] ?? [versions.at(-2)?.version ?? versions[0]?.version, versions.at(-1)?.version];
        const mapping = mappings.data?.find((m) => m.stream === s.stream);
        const set = (i: 0 | 1, v: number) => setPick((p) => ({ ...p, [s.stream]: (i === 0 ? [v, to] : [from, v]) as [number, number] }));
        return (
          <div key={s.stream}>
            <h3>{s.stream} <Badge>v{s.current.version}</Badge></h3>
            <div className="toolbar">
              <span>Mapping: {mapping ? <a href="#/mappings">{mapping.entity} v{mapping.version}</a> : <span className="muted">none</span>}</span>
              {can.operate(role) && editing !== s.stream && <button className="ghost" onClick={() => { setSaved(undefined); setEditing(s.stream); }}>{mapping ? 'Edit mapping' : 'Set mapping'}</button>}
            </div>
            {saved?.stream === s.stream && <p className="ok" role="status">{saved.text}</p>}
            {editing === s.stream && (
              <MappingEditor connectionId={id} stream={s.stream} columns={columnsOf(s.current)} current={mapping}
                onCancel={() => setEditing(undefined)} onSaved={(text) => { setSaved({ stream: s.stream, text }); setEditing(undefined); void mappings.reload(); }} />
            )}
            <div className="toolbar">
              <label>From<select aria-label={`${s.stream} from version`} value={from} onChange={(e) => set(0, Number(e.target.value))}>{versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}</select></label>
              <label>To<select aria-label={`${s.stream} to version`} value={to} onChange={(e) => set(1, Number(e.target.value))}>{versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}</select></label>
            </div>
            <SchemaDiff left={versions.find((v) => v.version === from)} right={versions.find((v) => v.version === to)} />
          </div>
        );
      })}
    </Card>
  );
}

export function ConnectionDetail({ id }: { id: string }) {
  const { role } = useSession();
  const connection = useLoad(() => call(() => getConnection({ client, path: { id } })), [id]);
  const streams = useLoad(() => call(() => listConnectionStreams({ client, path: { id } })), [id]);
  const [task, setTask] = useState<TaskDto>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  const bump = () => { setVersion((v) => v + 1); void streams.reload(); };

  // Poll the sync task for its progress bar until it finishes.
  useEffect(() => {
    if (!task || ['succeeded', 'failed', 'cancelled'].includes(task.status)) return;
    const timer = window.setTimeout(async () => {
      const next = await call(() => getTask({ client, path: { id: task.id } })).catch(() => task);
      setTask(next);
      if (next.status === 'succeeded') bump();
    }, 500);
    return () => window.clearTimeout(timer);
  }, [task]);

  const act = async (run: () => Promise<void>) => {
    setError(undefined);
    setMessage(undefined);
    try { await run(); } catch (e) { setError(e); }
  };
  const upload = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file') as File | null;
    const stream = String(form.get('stream') ?? '').trim() || undefined;
    if (!file || !file.name) return setError('Choose a CSV file first.');
    const formEl = e.currentTarget;
    void act(async () => {
      const result = await call(() => uploadConnectionFile({ client, path: { id }, body: { file }, query: stream ? { stream } : undefined }));
      setMessage(`Uploaded ${file.name}: ${JSON.stringify(result)}`);
      formEl.reset();
      bump();
    });
  };
  const c = connection.data;
  return (
    <>
      <p><a href="#/connections">← Connections</a></p>
      <Loading loading={connection.loading} error={connection.error} />
      {c && (
        <Card title={<>{c.name} <Badge>{c.kind}</Badge> <Badge tone="purple">{c.domain}</Badge></>} actions={can.operate(role) && (
          <>
            <button className="ghost" onClick={() => act(async () => { const r = await call(() => testConnection({ client, path: { id } })); setMessage(`Test: ${JSON.stringify(r)}`); })}>Test</button>
            <button onClick={() => act(async () => setTask(await call(() => syncConnection({ client, path: { id }, body: { mode: 'full' } }))))}>Sync (full)</button>
            <button className="ghost" onClick={() => act(async () => setTask(await call(() => syncConnection({ client, path: { id }, body: { mode: 'incremental' } }))))}>Sync (incremental)</button>
          </>
        )}>
          <p className="muted">Config (credentials are write-only: {c.hasCredentials ? 'set' : 'none'})</p>
          <Json value={{ config: c.config, contracts: c.contracts, cursors: c.cursors }} />
          {task && (
            <div aria-live="polite">
              <p>Sync <Badge tone={statusTone[task.status]}>{task.status}</Badge> {task.progressMessage}</p>
              <Progress value={task.progress} label="Sync progress" />
              {task.result && <Json value={task.result} />}
              {task.error && <ErrorLine error={task.error} />}
            </div>
          )}
          {message && <p className="ok" role="status">{message}</p>}
          <ErrorLine error={error} />
          {can.operate(role) && c.kind === 'filesource' && (
            <form onSubmit={upload} className="toolbar" aria-label="Upload a CSV file">
              <label>CSV file<input name="file" type="file" accept=".csv,text/csv" /></label>
              <label>Stream (default: the file name)<input name="stream" /></label>
              <button type="submit">Upload</button>
            </form>
          )}
        </Card>
      )}
      {streams.data && streams.data.length > 0 && (
        <Card title="Streams">
          <table><thead><tr><th>Stream</th><th>Key columns</th><th>Cursor</th></tr></thead>
            <tbody>{streams.data.map((s) => <tr key={s.name}><td>{s.name}</td><td>{s.keyColumns.join(', ')}</td><td>{s.cursorField ?? '—'}</td></tr>)}</tbody>
          </table>
        </Card>
      )}
      <StreamHistory id={id} version={version} />
    </>
  );
}
