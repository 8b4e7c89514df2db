// Integration spec: needs the local PostgreSQL (TEST_PG_URL, default postgres://postgres@127.0.0.1:5432).
// It creates a throw-away database whose name contains "test" and drops it afterwards.
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Client } from 'pg';
import { inferSchema } from '../schema/schema.inferrer';
import { PostgresConfig } from './postgres-connection.dto';
import { explainPostgresError, PostgresConnector, tlsOptions } from './postgres.connector';
import type { SourceBatch } from './source-connector';
import { SourceError, SourceErrorCode } from './source.errors';

const SERVER = new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432');
const DATABASE = `autonomos_pg_connector_test_${Date.now()}_${process.pid}`;

function adminClient(database: string): Client {
  const url = new URL(SERVER.toString());
  url.pathname = `/${database}`;
  return new Client({ connectionString: url.toString() });
}

function connector(overrides: Partial<PostgresConfig> = {}): PostgresConnector {
  return new PostgresConnector(
    { host: SERVER.hostname, port: Number(SERVER.port || 5432), database: DATABASE, ...overrides },
    { user: decodeURIComponent(SERVER.username) || 'postgres', password: decodeURIComponent(SERVER.password) || undefined },
  );
}

async function readAll(source: PostgresConnector, stream: string, cursor: string | null, batchSize = 2): Promise<SourceBatch[]> {
  const batches: SourceBatch[] = [];
  for await (const batch of source.read({ stream, batchSize, cursor })) batches.push(batch);
  return batches;
}

describe('PostgresConnector (real PostgreSQL)', () => {
  let db: Client;
  let source: PostgresConnector;

  beforeAll(async () => {
    if (!DATABASE.includes('test')) throw new Error('refusing to use a database whose name lacks "test"');
    const admin = adminClient('postgres');
    await admin.connect();
    await admin.query(`CREATE DATABASE "${DATABASE}"`);
    await admin.end();
    db = adminClient(DATABASE);
    await db.connect();
    await db.query(`
      CREATE TABLE public.invoices (
        id bigint PRIMARY KEY,
        customer uuid NOT NULL,
        amount numeric(30, 2) NOT NULL,
        rate double precision,
        issued_on date,
        paid boolean,
        lines jsonb,
        tags text[],
        note text,
        updated_at timestamptz NOT NULL
      );
      INSERT INTO public.invoices VALUES
        (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 12345678901234567890.12, 0.1, '2025-01-31', true, '{"sku": "A", "qty": 2}', '{x,y}', 'first', '2025-02-01 10:00:00+00'),
        (2, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', 0.10, NULL, '2025-02-28', false, '[]', '{}', NULL, '2025-02-02 10:00:00+00'),
        (3, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13', -42.00, 2.5, NULL, NULL, NULL, NULL, 'third', '2025-02-03 10:00:00+01'),
        (4, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a14', 7.5, NULL, '2025-03-31', true, NULL, NULL, NULL, '2025-02-04 10:00:00.123456+00'),
        (5, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a15', 1000, NULL, '2025-03-31', true, NULL, NULL, NULL, '2025-02-04 10:00:00.123456+00');
      CREATE TABLE public.events (id integer PRIMARY KEY, name text);
      INSERT INTO public.events SELECT g, 'event ' || g FROM generate_series(1, 5) g;
      CREATE TABLE public.log_lines (line text);
      INSERT INTO public.log_lines VALUES ('a'), ('b'), ('c');
      CREATE SCHEMA hidden;
      CREATE TABLE hidden.secrets (id int PRIMARY KEY);
    `);
    source = connector();
  });

  afterAll(async () => {
    await source?.close();
    await db?.end();
    const admin = adminClient('postgres');
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await admin.end();
  });

  it('lists the tables of the allowed schemas with logical types, primary keys and the cursor column', async () => {
    const streams = await source.listStreams();
    expect(streams.map((s) => s.name).sort()).toEqual(['public.events', 'public.invoices', 'public.log_lines']);

    const invoices = streams.find((s) => s.name === 'public.invoices')!;
    expect(invoices.keyColumns).toEqual(['id']);
    expect(invoices.cursorField).toBe('updated_at');
    const types = Object.fromEntries(invoices.schema!.columns.map((c) => [c.name, [c.type, c.nullable]]));
    expect(types).toEqual({
      id: ['integer', false],
      customer: ['id', false],
      amount: ['decimal', false],
      rate: ['decimal', true],
      issued_on: ['date', true],
      paid: ['boolean', true],
      lines: ['json', true],
      tags: ['json', true],
      note: ['string', true],
      updated_at: ['timestamp', false],
    });
    // No updated_at: a single integer key is the cursor; no key at all: full syncs only.
    expect(streams.find((s) => s.name === 'public.events')!.cursorField).toBe('id');
    expect(streams.find((s) => s.name === 'public.log_lines')).toMatchObject({ keyColumns: [], cursorField: undefined });
  });

  it('reads a full sync in batches with exact text values and the cursor of the last row', async () => {
    const batches = await readAll(source, 'public.invoices', null);

    expect(batches.map((b) => b.rows.length)).toEqual([2, 2, 1]);
    const rows = batches.flatMap((b) => b.rows);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].values).toEqual({
      id: '1',
      customer: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      amount: '12345678901234567890.12', // beyond a double's precision: still exact
      rate: '0.1',
      issued_on: '2025-01-31',
      paid: 'true',
      lines: '{"qty": 2, "sku": "A"}',
      tags: '["x","y"]',
      note: 'first',
      updated_at: '2025-02-01T10:00:00+00:00',
    });
    expect(rows[1].values).toMatchObject({ amount: '0.10', rate: null, lines: '[]', note: null });
    // Written at +01:00, read back in UTC.
    expect(rows[2].values.updated_at).toBe('2025-02-03T09:00:00+00:00');
    expect(batches.map((b) => b.cursor)).toEqual(['2025-02-02T10:00:00+00:00', '2025-02-04T10:00:00.123456+00:00', '2025-02-04T10:00:00.123456+00:00']);
    expect(inferSchema(rows.map((r) => r.values)).columns.find((c) => c.name === 'amount')!.type).toBe('decimal');
  });

  it('reads incrementally after the table gains rows and a column; the new column is in the schema', async () => {
    const full = await readAll(source, 'public.invoices', null);
    const cursor = full.at(-1)!.cursor!;

    await db.query(`
      ALTER TABLE public.invoices ADD COLUMN region text;
      INSERT INTO public.invoices (id, customer, amount, updated_at, region) VALUES
        (6, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a16', 99.99, '2025-03-01 00:00:00+00', 'EMEA'),
        (7, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a17', 0.01, '2025-03-02 00:00:00+00', NULL);
      UPDATE public.invoices SET note = 'paid late', updated_at = '2025-03-03 00:00:00+00' WHERE id = 2;
    `);

    const batches = await readAll(source, 'public.invoices', cursor);
    const rows = batches.flatMap((b) => b.rows.map((r) => r.values));
    // Rows 4 and 5 share the previous cursor value: read again rather than risk losing one.
    expect(rows.map((r) => r.id)).toEqual(['4', '5', '6', '7', '2']);
    expect(rows[2]).toMatchObject({ amount: '99.99', region: 'EMEA' });
    expect(rows[4]).toMatchObject({ note: 'paid late', region: null });
    expect(batches.at(-1)!.cursor).toBe('2025-03-03T00:00:00+00:00');

    const invoices = (await source.listStreams()).find((s) => s.name === 'public.invoices')!;
    expect(invoices.schema!.columns.at(-1)).toMatchObject({ name: 'region', type: 'string', nullable: true });
    expect(inferSchema(rows).columns.map((c) => c.name)).toContain('region');

    // Nothing changed since: only the rows at the last cursor value come back.
    const again = await readAll(source, 'public.invoices', batches.at(-1)!.cursor!);
    expect(again.flatMap((b) => b.rows.map((r) => r.values.id))).toEqual(['2']);
  });

  it('uses a unique integer key as a strict cursor, and reads tables without a key in full', async () => {
    const events = await readAll(source, 'public.events', '3');
    expect(events.flatMap((b) => b.rows.map((r) => r.values.id))).toEqual(['4', '5']);
    expect(events.at(-1)!.cursor).toBe('5');

    const lines = await readAll(source, 'public.log_lines', null);
    expect(lines.flatMap((b) => b.rows.map((r) => r.values.line)).sort()).toEqual(['a', 'b', 'c']);
    expect(lines.every((b) => b.cursor === null)).toBe(true);
  });

  it('honours a configured cursor column and refuses one that does not exist', async () => {
    const byAmount = connector({ cursorColumns: { 'public.invoices': 'amount' } });
    try {
      const rows = (await readAll(byAmount, 'public.invoices', '1000')).flatMap((b) => b.rows.map((r) => r.values.amount));
      expect(rows).toEqual(['1000.00', '12345678901234567890.12']);

      const wrong = connector({ cursorColumns: { 'public.invoices': 'no_such_column' } });
      await expect(wrong.listStreams()).rejects.toMatchObject({ code: SourceErrorCode.InvalidConfig, message: expect.stringContaining('no_such_column') });
      await wrong.close();
    } finally {
      await byAmount.close();
    }
  });

  it('refuses a stream outside the allowed schemas as not found', async () => {
    const reading = readAll(source, 'hidden.secrets', null);
    await expect(reading).rejects.toBeInstanceOf(SourceError);
    await expect(reading).rejects.toMatchObject({ code: SourceErrorCode.StreamNotFound, kind: 'not_found' });
  });

  it('frees its connection when the caller stops after the first batch', async () => {
    for (let run = 0; run < 3; run++) {
      for await (const batch of source.read({ stream: 'public.invoices', batchSize: 1, cursor: null })) {
        expect(batch.rows).toHaveLength(1);
        break;
      }
    }
    // The pool holds two clients: three abandoned reads would hang here if they leaked.
    expect((await readAll(source, 'public.events', null, 10)).flatMap((b) => b.rows)).toHaveLength(5);
  });

  describe('test()', () => {
    it('reports what it reached', async () => {
      await expect(source.test()).resolves.toEqual({ ok: true, message: expect.stringMatching(new RegExp(`connected to database "${DATABASE}" .*3 table\\(s\\) readable in schema\\(s\\) public`)) });
    });

    it('says when the database does not exist', async () => {
      const missing = connector({ database: 'autonomos_no_such_test_db' });
      await expect(missing.test()).resolves.toEqual({ ok: false, message: expect.stringContaining('database "autonomos_no_such_test_db" does not exist') });
      await missing.close();
    });

    it('says when nothing listens on the port', async () => {
      const refused = connector({ port: 1 });
      await expect(refused.test()).resolves.toEqual({ ok: false, message: expect.stringContaining(`connection refused at ${SERVER.hostname}:1`) });
      await refused.close();
    });

    it('says when TLS is required but the server does not offer it', async () => {
      const tls = new PostgresConnector({ host: SERVER.hostname, port: Number(SERVER.port || 5432), database: DATABASE }, { user: 'postgres' }, 'supabase');
      const result = await tls.test();
      await tls.close();
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/does not accept TLS: set sslmode to disable/);
    });
  });

  it('explains rejected passwords and TLS-only servers in words a user can act on', () => {
    const target = { address: 'db.example.supabase.co:5432', database: 'postgres', user: 'postgres', sslmode: 'disable' as const };
    expect(explainPostgresError({ code: '28P01', message: 'password authentication failed for user "postgres"' }, target)).toMatchObject({
      code: SourceErrorCode.AuthFailed,
      message: 'password authentication failed for user "postgres": check the user name and password',
    });
    const hba = { code: '28000', message: 'no pg_hba.conf entry for host "1.2.3.4", user "postgres", database "postgres", SSL off' };
    expect(explainPostgresError(hba, target)).toMatchObject({ code: SourceErrorCode.TlsFailed, message: expect.stringContaining('requires TLS') });
    expect(explainPostgresError({ code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain' }, target)).toMatchObject({
      code: SourceErrorCode.TlsFailed,
      message: expect.stringContaining('caCert'),
    });
  });
});

describe('Postgres TLS options and config validation', () => {
  const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

  it('maps sslmode to node TLS options as libpq does', () => {
    expect(tlsOptions('disable', undefined, 'h')).toBe(false);
    expect(tlsOptions('require', undefined, 'h')).toEqual({ rejectUnauthorized: false });
    expect(tlsOptions('require', ca, 'h')).toMatchObject({ rejectUnauthorized: true, ca });
    const verifyCa = tlsOptions('verify-ca', ca, 'h') as { checkServerIdentity: () => unknown };
    expect(verifyCa).toMatchObject({ rejectUnauthorized: true, ca });
    expect(verifyCa.checkServerIdentity()).toBeUndefined(); // chain checked, host name not
    expect(tlsOptions('verify-full', ca, 'db.x.supabase.co')).toEqual({ rejectUnauthorized: true, ca, servername: 'db.x.supabase.co' });
  });

  it('rejects an unknown sslmode and a CA that is not PEM', async () => {
    const config = plainToInstance(PostgresConfig, { host: 'db', database: 'app', sslmode: 'prefer', caCert: 'not a certificate' });
    const errors = await validate(config);
    expect(errors.map((e) => e.property).sort()).toEqual(['caCert', 'sslmode']);
  });
});
