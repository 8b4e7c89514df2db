import {
  createConnection,
  getConnectionSchema,
  getTask,
  listConnectionEvents,
  listConnectionStreams,
  listDrifts,
  syncConnection,
  testConnection,
  updateConnection,
  type TaskDto,
} from '@autonomos/sdk';
import Redis from 'ioredis';
import { Client as PgClient } from 'pg';
import { FakeSalesforce } from './support/fake-salesforce';
import { newTenant, TenantFixture } from './support/factories';
import { expectEventually, Stack, startStack } from './support/stack';

/** The source database: a second database on the same PostgreSQL, created and dropped here. */
const SOURCE_DB = `autonomos_source_test_${Date.now()}_${process.pid}`;

function serverClient(database: string): PgClient {
  const url = new URL(process.env.DATABASE_OWNER_URL!);
  url.pathname = `/${database}`;
  return new PgClient({ connectionString: url.toString() });
}

describe('AAM connectors over HTTP (e2e)', () => {
  let stack: Stack;
  let acme: TenantFixture;
  let owner: PgClient;
  let source: PgClient;
  let redis: Redis;
  let salesforce: FakeSalesforce;

  beforeAll(async () => {
    stack = await startStack();
    acme = await newTenant(stack.baseUrl, 'Acme');
    owner = serverClient(new URL(process.env.DATABASE_OWNER_URL!).pathname.slice(1));
    await owner.connect();
    await owner.query(`CREATE DATABASE "${SOURCE_DB}"`);
    source = serverClient(SOURCE_DB);
    await source.connect();
    redis = new Redis(process.env.REDIS_URL!);
    salesforce = await FakeSalesforce.start({ pageSize: 7 });
  });
  afterAll(async () => {
    await salesforce?.close();
    await redis?.quit();
    await source?.end();
    await owner?.query(`DROP DATABASE IF EXISTS "${SOURCE_DB}" WITH (FORCE)`);
    await owner?.end();
    await stack?.close();
  });

  const sync = async (id: string, mode: 'full' | 'incremental'): Promise<TaskDto> => {
    const started = await syncConnection({ client: acme.client, path: { id }, body: { mode } });
    expect(started.response.status).toBe(202);
    return expectEventually(async () => {
      const { data } = await getTask({ client: acme.client, path: { id: started.data!.id } });
      return data?.status === 'succeeded' || data?.status === 'failed' ? data : undefined;
    });
  };
  const auditRows = async (connectionId: string) => {
    const { rows } = await owner.query(
      'SELECT stream, count(*)::int AS total, count(DISTINCT event_id)::int AS distinct FROM aam_events WHERE connection_id = $1 GROUP BY stream ORDER BY stream',
      [connectionId],
    );
    return rows as { stream: string; total: number; distinct: number }[];
  };

  it('Postgres: full then incremental sync of a table that gains rows and a column', async () => {
    await source.query(`
      CREATE TABLE invoices (id int PRIMARY KEY, customer text NOT NULL, amount numeric(30, 2) NOT NULL, updated_at timestamptz NOT NULL);
      INSERT INTO invoices VALUES
        (1, 'Acme', 12345678901234567890.12, '2025-01-01 00:00:00+00'),
        (2, 'Globex', 0.10, '2025-01-02 00:00:00+00'),
        (3, 'Initech', 42, '2025-01-03 00:00:00+00');
    `);
    const url = new URL(process.env.DATABASE_OWNER_URL!);
    const created = await createConnection({
      client: acme.client,
      body: { name: 'warehouse', kind: 'postgres', config: { host: url.hostname, port: Number(url.port || 5432), database: SOURCE_DB }, credentials: { user: decodeURIComponent(url.username) } },
    });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;

    expect((await testConnection({ client: acme.client, path: { id } })).data).toEqual({ ok: true, message: expect.stringContaining(`connected to database "${SOURCE_DB}"`) });
    const streams = (await listConnectionStreams({ client: acme.client, path: { id } })).data!;
    expect(streams).toEqual([expect.objectContaining({ name: 'public.invoices', keyColumns: ['id'], cursorField: 'updated_at' })]);

    const full = await sync(id, 'full');
    expect(full).toMatchObject({ status: 'succeeded', result: { read: 3, written: 3, duplicates: 0 } });

    await source.query(`
      ALTER TABLE invoices ADD COLUMN region text;
      INSERT INTO invoices VALUES (4, 'Umbrella', 99.99, '2025-02-01 00:00:00+00', 'EMEA'), (5, 'Hooli', 1.5, '2025-02-02 00:00:00+00', NULL);
    `);
    // The row at the stored cursor is read again; with its new (null) column it is a new version of that record.
    const incremental = await sync(id, 'incremental');
    expect(incremental).toMatchObject({ status: 'succeeded', result: { read: 3, written: 3, duplicates: 0, streams: [{ stream: 'public.invoices', schemaVersion: 2 }] } });
    const nothingNew = await sync(id, 'incremental');
    expect(nothingNew.result).toMatchObject({ read: 1, written: 0, duplicates: 1 });

    const [schema] = (await getConnectionSchema({ client: acme.client, path: { id } })).data!;
    expect((schema.current.schema as { columns: { name: string }[] }).columns.map((c) => c.name)).toEqual(['id', 'customer', 'amount', 'updated_at', 'region']);
    const [drift] = (await listDrifts({ client: acme.client, query: { connectionId: id } })).data!.items;
    expect(drift).toMatchObject({ stream: 'public.invoices', breaking: false });

    const events = (await listConnectionEvents({ client: acme.client, path: { id }, query: { limit: 100 } })).data!.items;
    expect(events.find((e) => e.recordKey === '1')!.payload.amount).toBe('12345678901234567890.12');
    expect(events.find((e) => e.recordKey === '4')!.payload).toMatchObject({ amount: '99.99', region: 'EMEA', updated_at: '2025-02-01T00:00:00+00:00' });
    expect(await auditRows(id)).toEqual([{ stream: 'public.invoices', total: 6, distinct: 6 }]);
  });

  it('Salesforce: pages through the REST API; a 401 mid-sync fails the task clearly and keeps what was committed consistent', async () => {
    const created = await createConnection({
      client: acme.client,
      body: {
        name: 'crm',
        kind: 'salesforce',
        config: { loginUrl: salesforce.url, apiVersion: FakeSalesforce.API_VERSION, objects: ['Account', 'Opportunity'] },
        credentials: { accessToken: salesforce.accessToken, instanceUrl: salesforce.url },
      },
    });
    expect(created.data).toMatchObject({ kind: 'salesforce', domain: 'revops' });
    const id = created.data!.id;
    expect((await testConnection({ client: acme.client, path: { id } })).data).toMatchObject({ ok: true });

    // Account takes two queryMore pages of 7; the session expires on Opportunity's first.
    salesforce.failAt(3, 'expire_session', { on: '/query/' });
    const failed = await sync(id, 'full');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/the Salesforce session expired or was revoked \(INVALID_SESSION_ID.*reconnect Salesforce/);
    // Each stream commits in one transaction: Account whole, Opportunity not at all.
    expect(await auditRows(id)).toEqual([{ stream: 'Account', total: 20, distinct: 20 }]);

    // Reconnected with a refresh token: the sync renews the session and completes, nothing twice.
    const reconnected = await updateConnection({
      client: acme.client,
      path: { id },
      body: { credentials: { refreshToken: salesforce.refreshToken, clientId: salesforce.clientId, clientSecret: salesforce.clientSecret } },
    });
    expect(reconnected.response.status).toBe(200);
    const resumed = await sync(id, 'incremental');
    expect(resumed).toMatchObject({ status: 'succeeded', result: { written: 60 } });
    expect(await auditRows(id)).toEqual([
      { stream: 'Account', total: 20, distinct: 20 },
      { stream: 'Opportunity', total: 60, distinct: 60 },
    ]);

    const events = (await listConnectionEvents({ client: acme.client, path: { id }, query: { stream: 'Opportunity', limit: 100 } })).data!.items;
    expect(events.find((e) => e.recordKey === '0065g0000000000000AAA')!.payload).toMatchObject({ Amount: '151000', IsWon: 'false', CloseDate: '2025-07-01' });
    expect(await redis.xlen(`aam:dcl:${acme.tenantId}:salesforce`)).toBeGreaterThan(0);
  });
});
