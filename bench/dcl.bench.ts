// npm run bench:dcl — 1,000,000 canonical cost events through the DCL: Redis Stream → consumer
// (active mapping, transforms) → entity rows in PostgreSQL → FinOps views refreshed in DuckDB →
// exported to PostgreSQL. Side by side, alternating, with the floor: DuckDB reading the same
// rows straight from a CSV and running the same view SQL. BENCH_ROWS overrides the row count,
// BENCH_ROUNDS (default 3) the rounds; BENCH_DCL_WORKERS (default 2, one per core here) is the
// number of consumer processes: the bench's own, plus worker processes (apps/worker) sharing the
// consumer group, as a deployment scales out.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { benchDatabase, printComparison, startProcess } from './support/bench-env';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BATCH = 5000;
// Three rounds by default: the median of two is their larger, and one outlier of either side then sets the ratio.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WORKERS = Number(process.env.BENCH_DCL_WORKERS ?? 2);
const VIEWS = ['cost_by_service_month', 'resources_with_cost', 'cost_anomalies'];
const SOURCE = ['cost', 'effective', 'start', 'service', 'resource', 'account', 'region', 'currency', 'category'];
const TARGET = ['BilledCost', 'EffectiveCost', 'ChargePeriodStart', 'ServiceName', 'ResourceId', 'SubAccountId', 'RegionId', 'BillingCurrency', 'ChargeCategory'];
const SERVICES = ['AmazonEC2', 'AmazonS3', 'AmazonRDS', 'AWSLambda', 'AmazonDynamoDB'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];

/** One source record: money with cents, a year of months, 20,000 resources. */
function record(i: number): string[] {
  const month = String((i % 12) + 1).padStart(2, '0');
  const cost = `${(i * 7919) % 100_000}.${String(i % 100).padStart(2, '0')}`;
  return [cost, cost, `2025-${month}-01T00:00:00Z`, SERVICES[i % 5], `arn:aws:ec2:${REGIONS[i % 4]}:111122223333:instance/i-${i % 20_000}`, `${111122223333 + (i % 7)}`, REGIONS[i % 4], 'USD', 'Usage'];
}

async function main(): Promise<void> {
  const db = await benchDatabase('dcl');
  const dir = await mkdtemp(join(tmpdir(), 'dcl-bench-'));
  Object.assign(process.env, db.env, { FILESOURCE_ROOT: dir, LOG_LEVEL: 'error', DCL_DISCOVERY_MS: '100', DCL_READ_COUNT: '10' });
  const workers = Array.from({ length: WORKERS - 1 }, () => startProcess('apps/worker/src/main.ts', process.env));
  // Config is read when the modules load: import them after the environment is set.
  const { NestFactory } = await import('@nestjs/core');
  const { Module } = await import('@nestjs/common');
  const { CommandBus } = await import('@nestjs/cqrs');
  const { AamModule, CreateConnectionCommand, UploadFileCommand } = await import('@autonomos/aam');
  const { DclModule, RefreshViewsCommand, CANONICAL_TABLES, VIEWS: VIEW_DEFINITIONS, loadCanonicalTable, describeView, exportView } = await import('@autonomos/dcl');
  const { PlatformModule, RequestContext, REDIS } = await import('@autonomos/platform');
  const { RepairModule, SetMappingCommand } = await import('@autonomos/repair');
  const { DclStreamConsumer } = await import('../apps/worker/src/dcl/dcl-stream.consumer');
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { MIGRATIONS } = await import('../migrations');

  @Module({ imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, applicationName: 'autonomos-worker' }), AamModule, RepairModule, DclModule], providers: [DclStreamConsumer] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  await app.init();
  const owner = new Client({ connectionString: db.env.DATABASE_OWNER_URL });
  await owner.connect();
  const redis = app.get<import('ioredis').default>(REDIS);
  const tenantId = randomUUID();
  const admin = { type: 'user' as const, id: randomUUID(), role: 'admin' as const };
  const asTenant = <T>(fn: () => Promise<T>) => app.get(RequestContext).run(tenantId, admin, fn);
  const commands = app.get(CommandBus);
  try {
    await owner.query(`INSERT INTO tenants (id, name) VALUES ($1, 'bench')`, [tenantId]);
    // The same rows as a CSV in the canonical tables' load shape: the direct path's input.
    const csv = join(dir, 'cost_line_items.csv');
    const out = createWriteStream(csv);
    const fields = CANONICAL_TABLES.find((t) => t.name === 'cost_line_items')!.fields;
    for (let i = 0; i < ROWS; i++) {
      const byTarget = Object.fromEntries(TARGET.map((t, j) => [t, record(i)[j]]));
      if (!out.write(['c', `r${i}`, ...fields.map((f) => byTarget[f] ?? '')].join(',') + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    const direct = async (): Promise<number> => {
      const start = process.hrtime.bigint();
      const instance = await DuckDBInstance.create(':memory:');
      const duck = await instance.connect();
      await duck.run(`SET TimeZone = 'UTC'`);
      for (const table of CANONICAL_TABLES.filter((t) => t.name === 'cost_line_items')) await loadCanonicalTable(duck, table, csv);
      await duck.run('CREATE TEMP TABLE cloud_resources (connection_id VARCHAR, record_key VARCHAR, resource_id VARCHAR, resource_name VARCHAR, resource_type VARCHAR, service_name VARCHAR, region_id VARCHAR, sub_account_id VARCHAR, state VARCHAR)');
      for (const view of VIEW_DEFINITIONS.filter((v) => VIEWS.includes(v.name))) await exportView(duck, view, await describeView(duck, view), join(dir, `${view.name}.jsonl`));
      duck.closeSync();
      instance.closeSync();
      return Number(process.hrtime.bigint() - start) / 1e9;
    };

    const pipeline = async (round: number): Promise<{ seconds: number; ingest: number; refresh: number }> =>
      asTenant(async () => {
        // A fresh connection each round, given its mapping the way an operator does: a small upload, then the mapping.
        const connection = await commands.execute(new CreateConnectionCommand(`bench ${round}`, 'filesource', { keyColumns: ['id'] }));
        const seed = join(dir, `seed-${round}.csv`);
        await writeFile(seed, ['id', ...SOURCE].join(',') + '\n' + ['r0', ...record(0)].join(',') + '\n');
        await commands.execute(new UploadFileCommand(connection.id, (await import('node:fs')).createReadStream(seed), 'costs.csv', 'costs'));
        await commands.execute(new SetMappingCommand(connection.id, 'costs', 'CostLineItem', SOURCE.map((source, j) => ({ source, target: TARGET[j] }))));
        const key = `aam:dcl:${tenantId}:filesource`;
        const columns = ['_aam_event_id', '_aam_record_key', '_aam_operation', '_aam_schema_version', 'id', ...SOURCE];
        // The events as the AAM publishes them, built before the clock starts (as the direct path's CSV is).
        const payloads: string[] = [];
        for (let b = 0; b < ROWS; b += BATCH) {
          const rows = Array.from({ length: Math.min(BATCH, ROWS - b) }, (_, k) => [randomUUID(), `r${b + k}`, 'upsert', 'v1', `r${b + k}`, ...record(b + k)]);
          payloads.push(JSON.stringify({ table: 'costs', columns, rows }));
        }
        // Every consumer process has read from the stream's group before the clock starts: a
        // consumer joins the group with its first entry, so the seed record is sent until each has.
        for (let waited = 0; ((await redis.xinfo('CONSUMERS', key, `${db.env.REDIS_PREFIX}:dcl`).catch(() => [])) as unknown[]).length < WORKERS; waited += 200) {
          if (waited > 120_000) throw new Error(`${WORKERS} DCL consumers did not join within 120 s`);
          await redis.xadd(key, '*', 'connectionId', connection.id, 'payload', JSON.stringify({ table: 'costs', columns, rows: [[randomUUID(), 'r0', 'upsert', 'v1', 'r0', ...record(0)]] }));
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const start = process.hrtime.bigint();
        let lastId = '';
        for (let from = 0; from < payloads.length; from += 16) {
          const multi = redis.pipeline();
          for (const payload of payloads.slice(from, from + 16)) multi.xadd(key, '*', 'connectionId', connection.id, 'payload', payload);
          lastId = String((await multi.exec())!.at(-1)![1]);
        }
        // Consumed = every entry delivered and acknowledged (the consumers ack only once the rows are written).
        // Asked of Redis, not by counting rows: a count(*) every 100 ms would load the database being measured.
        for (;;) {
          const groups = (await redis.xinfo('GROUPS', key)) as unknown[][];
          const group = groups.map((flat) => Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]))).find((g) => String(g.name).endsWith(':dcl'));
          if (group && group['last-delivered-id'] === lastId && group.pending === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const ingest = Number(process.hrtime.bigint() - start) / 1e9;
        await commands.execute(new RefreshViewsCommand(VIEWS, true));
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const { rows: written } = await owner.query('SELECT count(*)::int AS n FROM dcl_entity_rows WHERE connection_id = $1', [connection.id]);
        if (written[0].n !== ROWS) throw new Error(`${written[0].n} entity rows written, expected ${ROWS}`);
        // The next round's connection replaces this one's rows.
        await owner.query('DELETE FROM dcl_entity_rows WHERE connection_id = $1', [connection.id]);
        await owner.query('DELETE FROM connections WHERE id = $1', [connection.id]);
        // What autovacuum does in time: the next round does not pay for this round's dead rows.
        await owner.query('VACUUM dcl_entity_rows');
        return { seconds, ingest, refresh: seconds - ingest };
      });

    const ours: number[] = [];
    const floor: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      floor.push(ROWS / (await direct()));
      console.log(`round ${round}: DuckDB straight from CSV + view SQL: ${floor.at(-1)!.toFixed(0)} events/s`);
      const run = await pipeline(round);
      ours.push(ROWS / run.seconds);
      console.log(
        `round ${round}: DCL end to end ${run.seconds.toFixed(1)} s = consume (${WORKERS} consumer processes) ${run.ingest.toFixed(1)} s (${(ROWS / run.ingest).toFixed(0)} events/s) + refresh of ${VIEWS.length} views ${run.refresh.toFixed(1)} s; this round's ratio ${(ours.at(-1)! / floor.at(-1)!).toFixed(2)}`,
      );
    }
    printComparison(`${ROWS} cost events: DCL pipeline vs DuckDB over the same CSV`, 'events/s', ours, floor, 0.3);
    await redis.del(`aam:dcl:${tenantId}:filesource`);
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    await owner.end();
    await app.close();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`bench:dcl failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
