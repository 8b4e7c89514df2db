import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';

/** The audit trail's move from aam_events to batches + records keeps every event, and moves back. */
describe('migration 1795750000000: aam_events → aam_event_batches + aam_event_records (e2e)', () => {
  const ownerUrl = new URL(process.env.DATABASE_OWNER_URL!);
  const database = `${ownerUrl.pathname.slice(1)}_migration`;
  const url = new URL(ownerUrl.toString());
  url.pathname = `/${database}`;
  const admin = new URL(ownerUrl.toString());
  admin.pathname = '/postgres';
  const index = MIGRATIONS.findIndex((m) => m.name === 'AamEventRecords1795750000000');
  let sql: Client;

  const migrated = async (migrations: Function[], work: (source: DataSource) => Promise<unknown>) => {
    const source = new DataSource({ type: 'postgres', url: url.toString(), migrations, migrationsTableName: 'migrations' });
    await source.initialize();
    try {
      await work(source);
    } finally {
      await source.destroy();
    }
  };

  beforeAll(async () => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE "${database}"`);
    await client.end();
    await migrated(MIGRATIONS.slice(0, index), (source) => source.runMigrations());
    sql = new Client({ connectionString: url.toString() });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.end();
  });

  const tenant = randomUUID();
  const connection = randomUUID();
  const at = '2025-11-26T08:00:00.000Z';
  const meta = (rowNumber: number, extra: object = {}) => ({ rowNumber, line: rowNumber + 1, fileChecksum: 'f'.repeat(64), contentHash: 'c'.repeat(64), qualityFlags: [], ...extra });
  // Two shapes in one sync (a column added midway), a quality flag, a second stream, exact decimals.
  const events = [
    { record_key: 'CR-1', payload: { report_id: 'CR-1', amount: '12345678901234567890.12', note: null }, metadata: meta(1) },
    { record_key: 'CR-2', payload: { report_id: 'CR-2', amount: '0.10', note: 'tab\there "q"' }, metadata: meta(2) },
    { record_key: 'row:3', payload: { report_id: null, amount: '1', note: 'x', region: 'EMEA' }, metadata: meta(3, { qualityFlags: [{ code: 'missing_key_value', column: 'report_id', detail: 'key column "report_id" is empty; keyed by row 3' }] }) },
    { record_key: '7', payload: { id: '7' }, metadata: { rowNumber: 1, line: 1, contentHash: 'd'.repeat(64), qualityFlags: [] }, stream: 'public.invoices' },
  ].map((e) => ({ event_id: randomUUID(), stream: 'cost_reports', ...e }));

  const expected = events.map((e) => ({
    event_id: e.event_id,
    tenant_id: tenant,
    connection_id: connection,
    stream: e.stream,
    record_key: e.record_key,
    payload: Object.entries(e.payload),
    metadata: (({ contentHash, ...rest }) => rest)(e.metadata),
  }));
  const read = async () => {
    const { rows } = await sql.query('SELECT event_id, tenant_id, connection_id, stream, record_key, payload, metadata FROM aam_events ORDER BY record_key');
    return rows.map((r) => ({ ...r, payload: Object.entries(r.payload), metadata: (({ contentHash, ...rest }) => rest)(r.metadata) }));
  };
  const byKey = (a: { record_key: string }, b: { record_key: string }) => (a.record_key < b.record_key ? -1 : 1);

  it('moves every event with its id, values in order, position and flags; the aam_events view shows them as before', async () => {
    for (const e of events) {
      await sql.query(
        `INSERT INTO aam_events (event_id, tenant_id, connection_id, source_kind, stream, record_key, operation, payload, schema_version, ingested_at, metadata) VALUES ($1, $2, $3, 'filesource', $4, $5, 'upsert', $6, 'v1', $7, $8)`,
        [e.event_id, tenant, connection, e.stream, e.record_key, JSON.stringify(e.payload), at, JSON.stringify(e.metadata)],
      );
    }
    await migrated(MIGRATIONS.slice(0, index + 1), (source) => source.runMigrations());

    const { rows: batches } = await sql.query('SELECT stream, columns, record_count, file_checksum FROM aam_event_batches ORDER BY stream, record_count DESC');
    expect(batches).toEqual([
      { stream: 'cost_reports', columns: ['report_id', 'amount', 'note'], record_count: 2, file_checksum: 'f'.repeat(64) },
      { stream: 'cost_reports', columns: ['report_id', 'amount', 'note', 'region'], record_count: 1, file_checksum: 'f'.repeat(64) },
      { stream: 'public.invoices', columns: ['id'], record_count: 1, file_checksum: null },
    ]);
    expect(await read()).toEqual(expected.sort(byKey));
  });

  it('moves them back on revert', async () => {
    await migrated(MIGRATIONS.slice(0, index + 1), (source) => source.undoLastMigration());
    expect(await read()).toEqual(expected.sort(byKey));
    const { rows } = await sql.query(`SELECT count(*)::int AS tables FROM pg_class WHERE relname IN ('aam_event_batches', 'aam_event_records')`);
    expect(rows).toEqual([{ tables: 0 }]);
  });
});
