import { IngestStreamEntryCommand } from '@autonomos/dcl';
import { RequestContext, systemActor } from '@autonomos/platform';
import { debugStreams, deleteConnection, listDeadLetters } from '@autonomos/sdk';
import { CommandBus } from '@nestjs/cqrs';
import Decimal from 'decimal.js';
import Redis from 'ioredis';
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { allRows, fileConnection, refresh, setMapping, upload } from './support/dcl-fixtures';
import { newTenant, TenantFixture } from './support/factories';
import { expectEventually, spawnWorker, Stack, startStack } from './support/stack';

const ROWS = 60_000;
const SERVICES = ['AmazonEC2', 'AmazonS3', 'AmazonRDS'];
// Spawned workers read these: reclaim a dead consumer's entries quickly, give up on a poison entry soon.
Object.assign(process.env, { DCL_CLAIM_IDLE_MS: '1500', DCL_MAX_DELIVERIES: '2', DCL_DISCOVERY_MS: '300', DCL_READ_COUNT: '1' });

describe('DCL stream consumers in worker processes (e2e)', () => {
  let stack: Stack;
  let acme: TenantFixture;
  let owner: PgClient;
  let redis: Redis;
  const workers: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'dcl-e2e-'));

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    acme = await newTenant(stack.baseUrl, 'Acme');
    owner = new PgClient({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await redis.quit();
    await owner.end();
    await stack.close();
  });

  const entityRows = async (connectionId: string) =>
    Number((await owner.query('SELECT count(*) FROM dcl_entity_rows WHERE connection_id = $1', [connectionId])).rows[0].count);

  it('a consumer killed mid-batch: after a restart the views are complete and no row counts twice', async () => {
    // Cents only, so the expected totals are exact.
    const lines = ['id,month,service,amount'];
    const expected = new Map<string, Decimal>();
    for (let i = 0; i < ROWS; i++) {
      const [month, service, amount] = [`2025-0${(i % 3) + 7}-01`, SERVICES[i % SERVICES.length], `${(i * 37) % 10_000}.${String(i % 100).padStart(2, '0')}`];
      lines.push(`r${i},${month},${service},${amount}`);
      const key = `${month.slice(0, 7)}|${service}`;
      expected.set(key, (expected.get(key) ?? new Decimal(0)).plus(amount));
    }
    writeFileSync(join(dir, 'costs.csv'), lines.slice(0, 2).join('\n') + '\n');
    writeFileSync(join(dir, 'costs_full.csv'), lines.join('\n') + '\n');
    const costs = await fileConnection(acme.client, 'big costs', 'id');
    await upload(acme.client, costs.id, join(dir, 'costs.csv'), 'costs');
    await setMapping(stack.api, acme, costs.id, 'costs', 'CostLineItem', { month: 'ChargePeriodStart', service: 'ServiceName', amount: 'BilledCost' });
    await upload(acme.client, costs.id, join(dir, 'costs_full.csv'), 'costs');

    workers.push(spawnWorker());
    const seen = await expectEventually(async () => {
      const n = await entityRows(costs.id);
      return n > 1 ? n : undefined;
    }, 60_000, 5);
    workers[0].kill('SIGKILL');
    expect(seen).toBeLessThan(ROWS);

    workers.push(spawnWorker());
    await expectEventually(async () => ((await entityRows(costs.id)) === ROWS ? true : undefined), 60_000, 200);
    await refresh(acme.client, 'cost_by_service_month', true);
    const rows = await allRows(acme.client, 'cost_by_service_month');
    expect(rows.reduce((n, r) => n + Number(r.line_items), 0)).toBe(ROWS);
    for (const row of rows) expect(new Decimal(row.billed_cost as string).equals(expected.get(`${row.month}|${row.service_name}`)!)).toBe(true);
    // Everything acknowledged: nothing left pending in the group.
    const stream = (await debugStreams({ client: acme.client })).data!.streams.find((s) => s.kind === 'dcl')!;
    await expectEventually(async () => ((await debugStreams({ client: acme.client })).data!.streams.find((s) => s.key === stream.key)!.groups[0].pending === 0 ? true : undefined));
  });

  it('two entries carrying the same new records, written at once: both succeed and the newer wins; deleting the connection deletes its rows', async () => {
    const costs = await fileConnection(acme.client, 'racing costs', 'id');
    writeFileSync(join(dir, 'race.csv'), 'id,month,service,amount\nr0,2025-07-01,AmazonEC2,1.00\n');
    await upload(acme.client, costs.id, join(dir, 'race.csv'), 'costs');
    await setMapping(stack.api, acme, costs.id, 'costs', 'CostLineItem', { month: 'ChargePeriodStart', service: 'ServiceName', amount: 'BilledCost' });
    const columns = ['_aam_event_id', '_aam_record_key', '_aam_operation', '_aam_schema_version', 'id', 'month', 'service', 'amount'];
    const entry = (amount: string) => ({ table: 'costs', columns, rows: Array.from({ length: 2000 }, (_, i) => [randomUUID(), `race${i}`, 'upsert', 'v1', `race${i}`, '2025-07-01', 'AmazonS3', amount]) });
    const ingest = (entryId: string, amount: string) =>
      stack.api.get(RequestContext).run(acme.tenantId, systemActor('test'), () => stack.api.get(CommandBus).execute(new IngestStreamEntryCommand(costs.id, entryId, entry(amount))));
    // One insert waits on the other's keys, then updates them only if its entry is the newer.
    await Promise.all([ingest('2000000000000-0', '2.00'), ingest('2000000000001-0', '3.00')]);
    const { rows } = await owner.query(`SELECT fields->>'BilledCost' AS amount, count(*)::int AS n FROM dcl_entity_rows WHERE connection_id = $1 AND record_key LIKE 'race%' GROUP BY 1`, [costs.id]);
    expect(rows).toEqual([{ amount: '3.00', n: 2000 }]);

    expect((await deleteConnection({ client: acme.client, path: { id: costs.id } })).response.status).toBe(204);
    expect(await entityRows(costs.id)).toBe(0);
  });

  it('an entry that keeps failing moves to <stream>:dead with its error, visible through the API', async () => {
    const key = `aam:dcl:${acme.tenantId}:filesource`;
    await redis.xadd(key, '*', 'connectionId', '00000000-0000-4000-8000-000000000000', 'payload', 'not json');
    const letters = await expectEventually(async () => {
      const { data } = await listDeadLetters({ client: acme.client });
      return data!.length ? data : undefined;
    }, 30_000, 250);
    expect(letters[0]).toMatchObject({ stream: `${key}:dead`, deliveries: 3, error: expect.stringContaining('JSON') });
    const streams = (await debugStreams({ client: acme.client })).data!.streams;
    expect(streams.find((s) => s.key === `${key}:dead`)).toMatchObject({ kind: 'dead_letter', length: 1 });
  });
});
