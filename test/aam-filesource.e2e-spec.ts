import {
  createConnection,
  getConnectionSchema,
  getDrift,
  getTask,
  listConnectionEvents,
  listConnectionStreams,
  listDrifts,
  listQuarantine,
  syncConnection,
  testConnection,
  uploadConnectionFile,
  type Client,
  type TaskDto,
} from '@autonomos/sdk';
import { AppConfig } from '@autonomos/platform';
import { sharedPath } from '@autonomos/testing';
import Redis from 'ioredis';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { newTenant, TenantFixture } from './support/factories';
import { expectEventually, Stack, startStack } from './support/stack';

const sample = (...parts: string[]) => sharedPath('data', ...parts);
const csv = (path: string, name = path.split('/').pop()!) => new File([readFileSync(path)], name, { type: 'text/csv' });

describe('AAM FileSource (e2e)', () => {
  let stack: Stack;
  let acme: TenantFixture;
  let redis: Redis;
  let owner: PgClient;
  let fileRoot: string;

  beforeAll(async () => {
    stack = await startStack();
    acme = await newTenant(stack.baseUrl, 'Acme');
    redis = new Redis(process.env.REDIS_URL!);
    owner = new PgClient({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    fileRoot = stack.api.get(AppConfig).get('FILESOURCE_ROOT');
  });
  afterAll(async () => {
    await redis.quit();
    await owner.end();
    await stack.close();
  });

  const newFileSource = async (client: Client, config: Record<string, unknown> = {}) => {
    const { data, error } = await createConnection({ client, body: { name: 'costs', kind: 'filesource', config } });
    if (!data) throw new Error(JSON.stringify(error));
    return data;
  };
  const sync = async (id: string, mode: 'full' | 'incremental' = 'full', client = acme.client): Promise<TaskDto> => {
    const started = await syncConnection({ client, path: { id }, body: { mode } });
    expect(started.response.status).toBe(202);
    return expectEventually(async () => {
      const { data } = await getTask({ client, path: { id: started.data!.id } });
      if (data?.status === 'failed') throw new Error(`sync failed: ${data.error}`);
      return data?.status === 'succeeded' ? data : undefined;
    });
  };
  const auditRows = async (connectionId: string) => {
    const { rows } = await owner.query('SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct FROM aam_events WHERE connection_id = $1', [connectionId]);
    return rows[0] as { total: number; distinct: number };
  };

  it('syncs cost reports, then their drifted version: one drift with the typed diff, batches on the Redis Stream, every row once', async () => {
    const dir = join(fileRoot, acme.tenantId, 'costs');
    mkdirSync(dir, { recursive: true });
    copyFileSync(sample('filesource', 'cost_reports.csv'), join(dir, 'cost_reports.csv'));
    const connection = await newFileSource(acme.client, { path: 'costs/cost_reports.csv', keyColumns: ['report_id'] });
    expect(connection).toMatchObject({ kind: 'filesource', domain: 'finops', hasCredentials: false });
    expect((await testConnection({ client: acme.client, path: { id: connection.id } })).data).toEqual({ ok: true, message: expect.stringContaining('cost_reports') });

    const first = await sync(connection.id);
    expect(first.result).toMatchObject({ read: 5, written: 5, duplicates: 0, quarantined: 0, streams: [{ stream: 'cost_reports', schemaVersion: 1, driftIds: [] }] });

    copyFileSync(sample('filesource', 'cost_reports_drifted.csv'), join(dir, 'cost_reports.csv'));
    const drifted = await sync(connection.id);
    expect(drifted.result).toMatchObject({ read: 5, written: 5, quarantined: 0, streams: [{ schemaVersion: 2, driftIds: [expect.any(String)] }] });

    const drifts = (await listDrifts({ client: acme.client, query: { connectionId: connection.id } })).data!.items;
    expect(drifts).toHaveLength(1);
    const drift = (await getDrift({ client: acme.client, path: { id: drifts[0].id } })).data!;
    expect(drift).toMatchObject({ stream: 'cost_reports', fromVersion: 1, toVersion: 2, breaking: true });
    const changes = drift.changes as Array<Record<string, unknown>>;
    const renames = changes.filter((c) => c.kind === 'column_renamed').map((c) => [c.from, c.to]);
    // The data renames four columns; the sample README lists three, period_end → billing_period_end is the fourth.
    expect(renames.sort()).toEqual([
      ['amount', 'cost_usd'],
      ['period_end', 'billing_period_end'],
      ['period_start', 'billing_period_start'],
      ['service', 'service_name'],
    ]);
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'type_changed', column: 'cost_usd', renamedFrom: 'amount', from: 'decimal', to: 'money_text', change: 'format_change', severity: 'breaking' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'column_removed', column: 'account_id', severity: 'breaking' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'column_added', column: 'discount', severity: 'non_breaking' }));

    const { rows: outbox } = await owner.query(`SELECT payload FROM outbox_events WHERE event_type = 'aam.schema_drift_detected' AND tenant_id = $1`, [acme.tenantId]);
    expect(outbox.map((r) => r.payload)).toEqual([
      expect.objectContaining({ connectionId: connection.id, stream: 'cost_reports', driftId: drift.id, fromFingerprint: drift.fromFingerprint, toFingerprint: drift.toFingerprint, breaking: true }),
    ]);

    const schema = (await getConnectionSchema({ client: acme.client, path: { id: connection.id } })).data!;
    expect(schema).toHaveLength(1);
    expect(schema[0].history.map((v) => v.version)).toEqual([1, 2]);
    expect(schema[0].current.fingerprint).toBe(drift.toFingerprint);

    const streamKey = `aam:dcl:${acme.tenantId}:filesource`;
    const entries = await redis.xrange(streamKey, '-', '+');
    expect(entries).toHaveLength(2);
    const payloads = entries.map(([, fields]) => JSON.parse(fields[fields.indexOf('payload') + 1]));
    expect(payloads[0]).toMatchObject({ table: 'cost_reports', columns: expect.arrayContaining(['_aam_event_id', 'amount']) });
    expect(payloads.map((p) => p.rows.length)).toEqual([5, 5]);
    // Money stays exact text, end to end.
    expect(payloads[1].rows.map((row: string[]) => row[payloads[1].columns.indexOf('cost_usd')])).toContain('$51,130.46');
    expect(await auditRows(connection.id)).toEqual({ total: 10, distinct: 10 });

    // The same sync twice more: nothing new anywhere.
    for (const mode of ['full', 'full', 'incremental'] as const) {
      const again = await sync(connection.id, mode);
      expect(again.result).toMatchObject({ read: mode === 'full' ? 5 : 0, written: 0 });
    }
    expect(await auditRows(connection.id)).toEqual({ total: 10, distinct: 10 });
    expect(await redis.xlen(streamKey)).toBe(2);
    expect((await listDrifts({ client: acme.client, query: { connectionId: connection.id } })).data!.items).toHaveLength(1);
    const events = (await listConnectionEvents({ client: acme.client, path: { id: connection.id }, query: { limit: 100 } })).data!.items;
    expect(events).toHaveLength(10);
    expect(events.find((e) => e.recordKey === 'CR-2025-001' && e.payload.amount)?.payload.amount).toBe('51130.46');
  });

  describe('every bad sample file, uploaded over HTTP', () => {
    const refused: Array<[string, string, RegExp]> = [
      ['binary.csv', 'file_source_binary_content', /^line 1: NUL byte/],
      ['duplicate_headers.csv', 'file_source_duplicate_header', /^line 1: duplicate column name "amount"/],
      ['empty.csv', 'file_source_empty_file', /the file is empty/],
      ['unclosed_quote.csv', 'file_source_unclosed_quote', /^line 2: unclosed quote/],
    ];

    it.each(refused)('refuses %s with a 400 naming the line and problem, leaving nothing behind', async (file, code, detail) => {
      const connection = await newFileSource(acme.client);
      const { response, error } = await uploadConnectionFile({ client: acme.client, path: { id: connection.id }, body: { file: csv(sample('bad', file)) } });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ code, detail: expect.stringMatching(detail), errors: [{ field: 'file' }] });
      expect(await auditRows(connection.id)).toEqual({ total: 0, distinct: 0 });
      expect((await getConnectionSchema({ client: acme.client, path: { id: connection.id } })).data).toEqual([]);
      expect((await listConnectionStreams({ client: acme.client, path: { id: connection.id } })).data).toEqual([]);
      expect(await redis.exists(`aam:dcl:${acme.tenantId}:filesource`)).toBe(1); // only the earlier test's entries
    });

    it('loads header_only.csv as an empty stream whose columns have no type yet', async () => {
      const connection = await newFileSource(acme.client);
      const { response, data } = await uploadConnectionFile({ client: acme.client, path: { id: connection.id }, body: { file: csv(sample('bad', 'header_only.csv')) } });
      expect(response.status).toBe(201);
      expect(data).toMatchObject({ stream: 'header_only', read: 0, written: 0, quarantined: 0, schemaVersion: 1 });
      const [schema] = (await getConnectionSchema({ client: acme.client, path: { id: connection.id } })).data!;
      expect((schema.current.schema as { columns: { name: string; type: string }[] }).columns.map((c) => [c.name, c.type])).toEqual([
        ['id', 'unknown'],
        ['name', 'unknown'],
        ['amount', 'unknown'],
      ]);
    });

    it('reads latin1.csv with its detected encoding', async () => {
      const connection = await newFileSource(acme.client);
      const { data } = await uploadConnectionFile({ client: acme.client, path: { id: connection.id }, body: { file: csv(sample('bad', 'latin1.csv')) } });
      expect(data).toMatchObject({ read: 2, written: 2 });
      const events = (await listConnectionEvents({ client: acme.client, path: { id: connection.id } })).data!.items;
      expect(events.map((e) => e.payload.city).sort()).toEqual(['München', 'São Paulo']);
    });

    it('loads the good rows of ragged_rows.csv and quarantines the others with their line and reason, once', async () => {
      const connection = await newFileSource(acme.client);
      for (let run = 0; run < 2; run++) {
        const { data } = await uploadConnectionFile({ client: acme.client, path: { id: connection.id }, body: { file: csv(sample('bad', 'ragged_rows.csv')) } });
        expect(data).toMatchObject({ read: 3, written: run === 0 ? 1 : 0, quarantined: 2 });
      }
      const { data } = await listQuarantine({ client: acme.client, query: { connectionId: connection.id } });
      expect(data!.items.map((q) => [q.line, q.reason, q.raw]).sort()).toEqual([
        [3, 'too_few_fields', ['2', 'missing amount']],
        [4, 'too_many_fields', ['3', 'too', 'many', 'fields', 'here']],
      ]);
      expect((await listQuarantine({ client: acme.client, query: { connectionId: connection.id, reason: 'too_many_fields' } })).data!.items).toHaveLength(1);
    });
  });
});
