import {
  createConnection,
  deleteConnection,
  getConnection,
  getConnectionSchema,
  getDrift,
  listConnectionEvents,
  listConnections,
  listConnectionStreams,
  listDrifts,
  listQuarantine,
  syncConnection,
  testConnection,
  updateConnection,
  uploadConnectionFile,
  type ConnectionDto,
} from '@autonomos/sdk';
import { AppConfig } from '@autonomos/platform';
import { sharedPath } from '@autonomos/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client as PgClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { newTenant, newUser, TenantFixture } from './support/factories';
import { Stack, startStack } from './support/stack';

const SECRET = 'pg-pass-Zq8-never-shown';
const file = (name: string) => new File([readFileSync(sharedPath('data', 'filesource', name))], name, { type: 'text/csv' });

describe('AAM API: isolation, bad input, secrets (e2e)', () => {
  let stack: Stack;
  let acme: TenantFixture;
  let other: TenantFixture;
  let costs: ConnectionDto;
  let ragged: ConnectionDto;

  beforeAll(async () => {
    stack = await startStack();
    acme = await newTenant(stack.baseUrl, 'Acme');
    other = await newTenant(stack.baseUrl, 'Other');
    costs = (await createConnection({ client: acme.client, body: { name: 'costs', kind: 'filesource', config: { keyColumns: ['report_id'] } } })).data!;
    await uploadConnectionFile({ client: acme.client, path: { id: costs.id }, query: { stream: 'costs' }, body: { file: file('cost_reports.csv') } });
    await uploadConnectionFile({ client: acme.client, path: { id: costs.id }, query: { stream: 'costs' }, body: { file: file('cost_reports_drifted.csv') } });
    ragged = (await createConnection({ client: acme.client, body: { name: 'ragged', kind: 'filesource', config: {} } })).data!;
    const bad = new File([readFileSync(sharedPath('data', 'bad', 'ragged_rows.csv'))], 'ragged.csv');
    await uploadConnectionFile({ client: acme.client, path: { id: ragged.id }, body: { file: bad } });
  });
  afterAll(() => stack.close());

  it('shows a second tenant none of the first tenant’s connections, events, schemas, drift or quarantine', async () => {
    const drifts = (await listDrifts({ client: acme.client })).data!.items;
    expect(drifts).toHaveLength(1);
    expect((await listQuarantine({ client: acme.client })).data!.items).toHaveLength(2);

    const client = other.client;
    const path = { id: costs.id };
    expect((await listConnections({ client })).data).toEqual([]);
    expect((await listDrifts({ client })).data!.items).toEqual([]);
    expect((await listQuarantine({ client })).data!.items).toEqual([]);
    expect((await listQuarantine({ client, query: { connectionId: ragged.id } })).data!.items).toEqual([]);
    for (const call of [
      getConnection({ client, path }),
      getConnectionSchema({ client, path }),
      listConnectionEvents({ client, path }),
      listConnectionStreams({ client, path }),
      getDrift({ client, path: { id: drifts[0].id } }),
      testConnection({ client, path }),
      syncConnection({ client, path, body: {} }),
      updateConnection({ client, path, body: { name: 'mine now' } }),
      uploadConnectionFile({ client, path, body: { file: file('cost_reports.csv') } }),
      deleteConnection({ client, path }),
    ]) {
      const { response } = await call;
      expect(response.status).toBe(404);
    }
    expect((await getConnection({ client: acme.client, path })).data).toMatchObject({ name: 'costs' });
  });

  it('keeps the audit trail per tenant in the database too: reads under row-level security, COPY only into the tenant’s own rows', async () => {
    const app = new PgClient({ connectionString: process.env.DATABASE_URL });
    await app.connect();
    const asTenant = async <T>(tenantId: string, work: () => Promise<T>): Promise<T> => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        return await work();
      } finally {
        await app.query('ROLLBACK');
      }
    };
    const copyRecord = (tenantId: string) =>
      new Promise<void>((resolve, reject) => {
        const copy = app.query(copyFrom('COPY aam_event_records_default (tenant_id, batch_id, position, event_id, record_key, operation, field_values) FROM STDIN'));
        copy.on('finish', resolve).on('error', reject);
        copy.end(`${tenantId}\t${randomUUID()}\t0\t${randomUUID()}\tforged\tupsert\t[]\n`);
      });
    try {
      const count = `SELECT (SELECT count(*) FROM aam_event_records)::int AS records, (SELECT count(*) FROM aam_event_batches)::int AS batches, (SELECT count(*) FROM aam_events)::int AS events`;
      expect((await asTenant(acme.tenantId, () => app.query(count))).rows[0]).toEqual({ records: 11, batches: 3, events: 11 }); // two cost files of 5 rows, the one good ragged row
      expect((await asTenant(other.tenantId, () => app.query(count))).rows[0]).toEqual({ records: 0, batches: 0, events: 0 });
      // The COPY target is write-only for the application: never a way around row-level security.
      await expect(asTenant(acme.tenantId, () => app.query('SELECT count(*) FROM aam_event_records_default'))).rejects.toThrow(/permission denied/);
      await expect(asTenant(other.tenantId, () => copyRecord(acme.tenantId))).rejects.toThrow(/violates check constraint "aam_event_records_tenant_check"/);
      await expect(asTenant('', () => copyRecord(acme.tenantId))).rejects.toThrow(/violates check constraint "aam_event_records_tenant_check"/);
      await asTenant(other.tenantId, async () => {
        await copyRecord(other.tenantId);
        expect((await app.query(count)).rows[0]).toMatchObject({ records: 1 });
      });
    } finally {
      await app.end();
    }
  });

  it('refuses bad input on every endpoint, naming the field, creating nothing', async () => {
    const client = acme.client;
    const before = (await listConnections({ client })).data!.length;
    const cases: Array<[unknown, string[]]> = [
      [{ name: 'x', kind: 'oracle', config: {} }, ['kind']],
      [{ name: 'x', kind: 'postgres', config: { database: 'd' } }, ['config.host']],
      [{ name: 'x', kind: 'filesource', config: { nope: 1 } }, ['config.nope']],
      [{ name: 'x', kind: 'filesource', config: {}, credentials: { user: 'u' } }, ['credentials']],
      [{ name: 'x', kind: 'filesource', config: {}, sneaky: true }, ['sneaky']],
      [{ name: 'x', kind: 'filesource', config: {}, domain: 'sales' }, ['domain']],
      [{ name: 'x', kind: 'filesource', config: {}, contracts: { costs: { mode: 'lenient' } } }, ['contracts.costs.mode']],
      [{ name: 'x', kind: 'mongodb', config: { database: 'd' }, credentials: { uri: 'http://x' } }, ['credentials.uri']],
      [{ kind: 'filesource', config: {} }, ['name']],
    ];
    for (const [body, fields] of cases) {
      const { response, error } = await createConnection({ client, body: body as never });
      expect(response.status).toBe(400);
      expect([...new Set((error as { errors: { field: string }[] }).errors.map((e) => e.field))]).toEqual(fields);
    }
    expect((await listConnections({ client })).data!.length).toBe(before);

    expect((await updateConnection({ client, path: { id: costs.id }, body: { config: { path: 1 } } as never })).response.status).toBe(400);
    expect((await syncConnection({ client, path: { id: costs.id }, body: { mode: 'sometimes' } as never })).response.status).toBe(400);
    expect((await syncConnection({ client, path: { id: costs.id }, body: { stream: '../etc/passwd' } })).response.status).toBe(400);
    expect((await listDrifts({ client, query: { connectionId: 'nope' } })).response.status).toBe(400);
    expect((await listQuarantine({ client, query: { reason: 'boredom' } as never })).response.status).toBe(400);
    expect((await listConnectionEvents({ client, path: { id: costs.id }, query: { cursor: 'garbage' } })).response.status).toBe(400);
    for (const { response } of [
      await getConnection({ client, path: { id: 'not-a-uuid' } }),
      await getDrift({ client, path: { id: '123' } }),
      await testConnection({ client, path: { id: 'x' } }),
    ]) {
      expect(response.status).toBe(400);
    }
    expect((await getConnection({ client, path: { id: randomUUID() } })).response.status).toBe(404);
    expect((await getDrift({ client, path: { id: randomUUID() } })).response.status).toBe(404);
  });

  it('refuses a path outside the tenant’s file root, and uploads that are not multipart or too large', async () => {
    const client = acme.client;
    const escaping = (await createConnection({ client, body: { name: 'escape', kind: 'filesource', config: { path: '../../etc' } } })).data!;
    expect((await testConnection({ client, path: { id: escaping.id } })).data).toEqual({ ok: false, message: expect.stringContaining('escapes the file root') });
    expect((await listConnectionStreams({ client, path: { id: escaping.id } })).response.status).toBe(400);

    const notMultipart = await fetch(`${stack.baseUrl}/connections/${costs.id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${acme.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(notMultipart.status).toBe(400);

    // The limit is read per request, so the test can lower it without a second stack.
    const values = stack.api.get(AppConfig).values as { UPLOAD_MAX_BYTES: number };
    const limit = values.UPLOAD_MAX_BYTES;
    values.UPLOAD_MAX_BYTES = 100;
    try {
      const { response, error } = await uploadConnectionFile({ client, path: { id: costs.id }, query: { stream: 'big' }, body: { file: file('cost_reports.csv') } });
      expect(response.status).toBe(413);
      expect(error).toMatchObject({ code: 'upload_too_large' });
    } finally {
      values.UPLOAD_MAX_BYTES = limit;
    }
    expect((await listConnectionStreams({ client, path: { id: costs.id } })).data!.map((s) => s.name)).toEqual(['costs']);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await newUser(stack.baseUrl, acme, 'viewer');
    const client = viewer.client;
    const path = { id: costs.id };
    expect((await listConnections({ client })).response.status).toBe(200);
    expect((await getConnectionSchema({ client, path })).response.status).toBe(200);
    for (const call of [
      createConnection({ client, body: { name: 'v', kind: 'filesource', config: {} } }),
      updateConnection({ client, path, body: { name: 'v' } }),
      deleteConnection({ client, path }),
      testConnection({ client, path }),
      syncConnection({ client, path, body: {} }),
      uploadConnectionFile({ client, path, body: { file: file('cost_reports.csv') } }),
    ]) {
      expect((await call).response.status).toBe(403);
    }
  });

  it('encrypts credentials at rest and never returns them; domain routing can be overridden', async () => {
    const client = acme.client;
    const created = await createConnection({
      client,
      body: { name: 'warehouse', kind: 'postgres', config: { host: '127.0.0.1', port: 1, database: 'nowhere' }, credentials: { user: 'svc', password: SECRET } },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ hasCredentials: true, domain: 'unknown', domainOverride: null });
    const id = created.data!.id;
    const patched = await updateConnection({ client, path: { id }, body: { domain: 'finops', credentials: { user: 'svc', password: `${SECRET}-2` } } });
    expect(patched.data).toMatchObject({ hasCredentials: true, domain: 'finops', domainOverride: 'finops' });
    const tested = await testConnection({ client, path: { id } });
    for (const body of [created.data, patched.data, (await getConnection({ client, path: { id } })).data, (await listConnections({ client })).data, tested.data ?? tested.error]) {
      expect(JSON.stringify(body)).not.toContain(SECRET);
    }

    const owner = new PgClient({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    const { rows } = await owner.query('SELECT sealed_credentials, config FROM connections WHERE id = $1', [id]);
    await owner.end();
    expect(rows[0].sealed_credentials).toMatch(/^v1:k1:/);
    expect(JSON.stringify(rows[0])).not.toContain(SECRET);

    const cleared = await updateConnection({ client, path: { id }, body: { domain: null, credentials: null } as never }); // the generated type drops null from an enum
    expect(cleared.data).toMatchObject({ hasCredentials: false, domain: 'unknown', domainOverride: null });
    const revops = await createConnection({ client, body: { name: 'crm export', kind: 'filesource', config: {}, domain: 'revops' } });
    expect(revops.data).toMatchObject({ domain: 'revops' });
    expect((await deleteConnection({ client, path: { id } })).response.status).toBe(204);
    expect((await getConnection({ client, path: { id } })).response.status).toBe(404);
  });

  it('quarantines a row that breaks a discard_row contract and refuses a file that breaks a frozen one', async () => {
    const client = acme.client;
    const contracted = (await createConnection({ client, body: { name: 'strict', kind: 'filesource', config: {}, contracts: { costs: { mode: 'discard_row' } } } })).data!;
    await uploadConnectionFile({ client, path: { id: contracted.id }, query: { stream: 'costs' }, body: { file: file('cost_reports.csv') } });
    const discarded = await uploadConnectionFile({ client, path: { id: contracted.id }, query: { stream: 'costs' }, body: { file: file('cost_reports_drifted.csv') } });
    expect(discarded.data).toMatchObject({ read: 5, written: 0, quarantined: 5 });
    const held = (await listQuarantine({ client, query: { connectionId: contracted.id, reason: 'contract_violation' } })).data!.items;
    expect(held).toHaveLength(5);
    expect(held[0]).toMatchObject({ message: expect.stringContaining('new column'), raw: expect.objectContaining({ cost_usd: expect.any(String) }) });

    await updateConnection({ client, path: { id: contracted.id }, body: { contracts: { '*': { mode: 'freeze' } } } });
    const frozen = await uploadConnectionFile({ client, path: { id: contracted.id }, query: { stream: 'costs' }, body: { file: file('cost_reports_drifted.csv') } });
    expect(frozen.response.status).toBe(400);
    expect(frozen.error).toMatchObject({ code: 'schema_contract_rejected' });
  });
});
