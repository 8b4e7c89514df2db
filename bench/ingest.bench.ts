// npm run bench:ingest — the whole FileSource sync (parse, canonicalise, fingerprint, COPY into
// the audit trail, XADD to the DCL stream) against a raw pg-copy-streams COPY of the same CSV
// into a plain table, alternating, on a fresh database. Prints rows/s, the ratio, the pipeline's
// peak RSS, and the CPU each side used per row (Node, and this database's PostgreSQL backends):
// on a shared machine that says where the time goes better than wall time. BENCH_ROWS overrides
// the 1,000,000 rows; BENCH_HEAP_MB and BENCH_SEMI_SPACE_MB the V8 settings (0: Node's default).
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { benchDatabase, printComparison } from './support/bench-env';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
/**
 * The V8 heap cap the pipeline runs under, as a worker would in a container. The pipeline's
 * live set is a few batches (~100 MB with the Nest application), but without a cap V8 lets
 * garbage accumulate up to several hundred MB before a full collection; the cap makes it
 * collect sooner and bounds RSS, at no measurable cost in throughput.
 */
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 256);
/**
 * V8's young generation (each of its two semi-spaces), as recommended for workers that sync
 * (README, Configuration): a batch's records live for the whole batch, and with the default
 * (16 MB, less under a heap cap) every young collection copied them, then promoted them; at 32 MB
 * most die young. About a tenth less Node CPU per row for about 40 MB more RSS.
 */
const SEMI_SPACE_MB = Number(process.env.BENCH_SEMI_SPACE_MB ?? 32);
const ROUNDS = 2;
const COLUMNS = [
  'line_item_id', 'billing_period_start', 'billing_period_end', 'usage_date', 'account_id', 'service', 'region', 'resource_id',
  'usage_type', 'usage_quantity', 'unit', 'unblended_rate', 'unblended_cost', 'currency', 'cost_center',
];
const SERVICES = ['AmazonEC2', 'AmazonS3', 'AmazonRDS', 'AWSLambda', 'AmazonDynamoDB'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];

/** A 15-column cost export, written as it is generated: never held in memory. */
async function generateCsv(file: string): Promise<number> {
  const out = createWriteStream(file);
  out.write(COLUMNS.join(',') + '\n');
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const row = [
      `li-${String(i).padStart(9, '0')}`, '2025-09-01', '2025-10-01', `2025-09-${day}`, `${111122223333 + (i % 7)}`, SERVICES[i % 5], REGIONS[i % 4],
      `arn:aws:ec2:${REGIONS[i % 4]}:111122223333:instance/i-${(i * 7919).toString(16).padStart(8, '0')}`, 'BoxUsage:m5.large', `${(i % 720) + 1}.5`,
      'Hrs', '0.096', `${((i % 100000) * 0.0137).toFixed(4)}`, 'USD', `cc-${i % 40}`,
    ];
    if (!out.write(row.join(',') + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}

async function rawCopy(owner: Client, file: string): Promise<{ rate: number; pgCpuPerRow: number }> {
  await owner.query('TRUNCATE bench_raw');
  const pgCpu = await PostgresCpu.meter(owner);
  const start = process.hrtime.bigint();
  await pipeline(createReadStream(file), owner.query(copyFrom('COPY bench_raw FROM STDIN (FORMAT csv, HEADER true)')));
  const rate = ROWS / (Number(process.hrtime.bigint() - start) / 1e9);
  return { rate, pgCpuPerRow: ((await pgCpu.seconds()) * 1e6) / ROWS };
}

/**
 * CPU used by this database's server processes (backends) since it was created, from /proc:
 * where the time goes. Sampled while the run goes on, since a pooled connection that idles
 * long enough at the end (the publish after commit) is closed, taking its counters with it.
 */
class PostgresCpu {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();

  private constructor(private readonly owner: Client) {}

  static async meter(owner: Client): Promise<PostgresCpu> {
    const meter = new PostgresCpu(owner);
    for (const [pid, seconds] of await meter.read()) meter.start.set(pid, seconds);
    return meter;
  }

  async sample(): Promise<void> {
    for (const [pid, seconds] of await this.read()) this.last.set(pid, seconds);
  }

  /** Seconds used since the meter was created; backends started since count whole. */
  async seconds(): Promise<number> {
    await this.sample();
    let total = 0;
    for (const [pid, seconds] of this.last) total += seconds - (this.start.get(pid) ?? 0);
    return total;
  }

  private async read(): Promise<Map<number, number>> {
    const { rows } = await this.owner.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    const seconds = new Map<number, number>();
    for (const { pid } of rows) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields.length > 13) seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    }
    return seconds;
  }
}

async function main(): Promise<void> {
  const db = await benchDatabase('ingest');
  const fileRoot = await mkdtemp(join(tmpdir(), 'aam-bench-'));
  const tenantId = randomUUID();
  Object.assign(process.env, db.env, { FILESOURCE_ROOT: fileRoot, LOG_LEVEL: 'error' });
  // Config is read when the modules load: import them after the environment is set.
  const { NestFactory } = await import('@nestjs/core');
  const { AamModule, CreateConnectionCommand } = await import('@autonomos/aam');
  const { PlatformModule, RequestContext, systemActor, REDIS } = await import('@autonomos/platform');
  const { TaskTypeRegistry } = await import('@autonomos/tasks');
  const { CommandBus } = await import('@nestjs/cqrs');
  const { Module } = await import('@nestjs/common');
  const { MIGRATIONS } = await import('../migrations');

  @Module({ imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, applicationName: 'autonomos-cli' }), AamModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  const owner = new Client({ connectionString: db.env.DATABASE_OWNER_URL });
  await owner.connect();
  try {
    await owner.query(`INSERT INTO tenants (id, name) VALUES ($1, 'bench')`, [tenantId]);
    await owner.query(`CREATE TABLE bench_raw (${COLUMNS.map((c) => `${c} text`).join(', ')})`);
    await mkdir(join(fileRoot, tenantId, 'bench'), { recursive: true });
    const file = join(fileRoot, tenantId, 'bench', 'cost_export.csv');
    const bytes = await generateCsv(file);
    console.log(`generated ${ROWS} rows × ${COLUMNS.length} columns (${(bytes / 1e6).toFixed(0)} MB)`);

    const context = app.get(RequestContext);
    const commands = app.get(CommandBus);
    const sync = app.get(TaskTypeRegistry).get('aam.sync');
    const pipelineRowsPerSecond = async (): Promise<{ rate: number; peakRss: number; cpuPerRow: number; pgCpuPerRow: number }> => {
      // A fresh connection each round: a second sync of the same one would only find duplicates.
      return context.run(tenantId, systemActor('bench'), async () => {
        const connection = await commands.execute(new CreateConnectionCommand(`bench ${randomUUID()}`, 'filesource', { path: 'bench/cost_export.csv', keyColumns: ['line_item_id'] }));
        if (process.env.BENCH_DEBUG) console.log(`  before: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
        let peakRss = process.memoryUsage.rss();
        let ticks = 0;
        // rss() alone: memoryUsage() walks the heap, which cost the pipeline 2% of its CPU at this rate.
        const sampler = setInterval(() => {
          peakRss = Math.max(peakRss, process.memoryUsage.rss());
          if (process.env.BENCH_DEBUG && ++ticks % 10 === 0) {
            const m = process.memoryUsage();
            console.log(`  rss ${(m.rss / 2 ** 20).toFixed(0)} heap ${(m.heapUsed / 2 ** 20).toFixed(0)}/${(m.heapTotal / 2 ** 20).toFixed(0)} ext ${(m.external / 2 ** 20).toFixed(0)} ab ${(m.arrayBuffers / 2 ** 20).toFixed(0)}`);
          }
        }, 50);
        const pgCpu = await PostgresCpu.meter(owner);
        const pgSampler = setInterval(() => void pgCpu.sample(), 1000);
        const start = process.hrtime.bigint();
        const cpu = process.cpuUsage();
        const result = (await sync.run({ connectionId: connection.id, mode: 'full' }, { taskId: randomUUID(), tenantId, attempt: 1, progress: async () => undefined })) as { written: number };
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const used = process.cpuUsage(cpu);
        clearInterval(sampler);
        clearInterval(pgSampler);
        const pgSeconds = await pgCpu.seconds();
        if (result.written !== ROWS) throw new Error(`the pipeline wrote ${result.written} events, expected ${ROWS}`);
        return { rate: ROWS / seconds, peakRss, cpuPerRow: (used.user + used.system) / ROWS, pgCpuPerRow: (pgSeconds * 1e6) / ROWS };
      });
    };

    const ours: number[] = [];
    const raw: number[] = [];
    const rss: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const copy = await rawCopy(owner, file);
      raw.push(copy.rate);
      console.log(`round ${round}: raw COPY ${copy.rate.toFixed(0)} rows/s, PostgreSQL CPU per row ${copy.pgCpuPerRow.toFixed(1)} µs; load average ${loadavg()[0].toFixed(2)}`);
      const run = await pipelineRowsPerSecond();
      ours.push(run.rate);
      rss.push(run.peakRss);
      console.log(`round ${round}: pipeline ${run.rate.toFixed(0)} rows/s, peak RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MB, CPU per row: Node ${run.cpuPerRow.toFixed(1)} µs, PostgreSQL ${run.pgCpuPerRow.toFixed(1)} µs; load average ${loadavg()[0].toFixed(2)}`);
    }
    const node = `heap cap ${HEAP_MB > 0 ? `${HEAP_MB} MB` : 'none'}, semi-space ${SEMI_SPACE_MB > 0 ? `${SEMI_SPACE_MB} MB` : 'default'}`;
    printComparison(`FileSource sync of ${ROWS} rows vs raw COPY (${node})`, 'rows/s', ours, raw, 0.5);
    console.log(`  peak RSS: ${(Math.max(...rss) / 2 ** 20).toFixed(0)} MB (aim < 512 MB)`);
    await app.get<import('ioredis').default>(REDIS).del(`aam:dcl:${tenantId}:filesource`);
  } finally {
    await owner.end();
    await app.close();
    await db.drop();
    await rm(fileRoot, { recursive: true, force: true });
  }
}

const capped = process.execArgv.some((arg) => arg.startsWith('--max-old-space-size')) || HEAP_MB <= 0;
if (!capped) {
  // Runs itself again with the heap cap and young generation (the npm script starts node without flags).
  const flags = [`--max-old-space-size=${HEAP_MB}`, ...(SEMI_SPACE_MB > 0 ? [`--max-semi-space-size=${SEMI_SPACE_MB}`] : [])];
  const child = spawnSync(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

main().catch((error: Error) => {
  console.error(`bench:ingest failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
