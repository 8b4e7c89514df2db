// npm run bench:tasks — tasks/s from POST /tasks to `succeeded` (api + worker processes,
// PostgreSQL as the truth, outbox events) against raw BullMQ add → process of no-op jobs on the
// same Redis with the same concurrency, alternating. Prints both and the ratio.
import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { redisOptions } from '../libs/platform/src/redis/redis';
import { benchDatabase, printComparison, startProcess, waitForHttp } from './support/bench-env';

const TASKS = Number(process.env.BENCH_TASKS ?? 2000);
const CONCURRENCY = process.env.BENCH_WORKER_CONCURRENCY ?? '32';
const IN_FLIGHT = 32;
const ROUNDS = 2;

/** Runs `count` calls of `fn` with at most IN_FLIGHT at once. */
async function pool(count: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < count) await fn(next++);
  }));
}

async function ourTasksPerSecond(baseUrl: string, token: string, owner: Client): Promise<number> {
  const start = Date.now();
  const { rows: [{ before }] } = await owner.query(`SELECT count(*)::int AS before FROM tasks WHERE status = 'succeeded'`);
  await pool(TASKS, async (i) => {
    const response = await fetch(`${baseUrl}/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'demo.echo', payload: { message: `t${i}` } }),
    });
    if (response.status !== 201) throw new Error(`POST /tasks answered ${response.status}`);
  });
  for (;;) {
    const { rows: [{ done }] } = await owner.query(`SELECT count(*)::int AS done FROM tasks WHERE status = 'succeeded'`);
    if (done - before >= TASKS) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return TASKS / ((Date.now() - start) / 1000);
}

async function rawTasksPerSecond(queue: Queue, events: QueueEvents): Promise<number> {
  let completed = 0;
  const allDone = new Promise<void>((resolve) => events.on('completed', () => ++completed === TASKS && resolve()));
  const start = Date.now();
  await pool(TASKS, (i) => queue.add('run', { i }));
  await allDone;
  events.removeAllListeners('completed');
  return TASKS / ((Date.now() - start) / 1000);
}

async function main(): Promise<void> {
  const db = await benchDatabase('tasks');
  const env: NodeJS.ProcessEnv = { ...db.env, PORT: '3103', WORKER_CONCURRENCY: CONCURRENCY, BENCH_QUEUE: 'bench-raw' };
  const api = startProcess('dist/apps/api/src/main.js', env);
  const worker = startProcess('dist/apps/worker/src/main.js', env);
  const rawWorker = startProcess('bench/support/raw-bullmq-worker.ts', env);
  const owner = new Client({ connectionString: env.DATABASE_OWNER_URL });
  const connection = redisOptions(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const queue = new Queue('bench-raw', { connection, prefix: env.REDIS_PREFIX });
  const events = new QueueEvents('bench-raw', { connection, prefix: env.REDIS_PREFIX });
  try {
    await owner.connect();
    await waitForHttp('http://127.0.0.1:3103/health/ready');
    await events.waitUntilReady();
    const session = await (
      await fetch('http://127.0.0.1:3103/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantName: 'Bench', email: `bench-${Date.now()}@example.test`, password: 'benchmark password' }),
      })
    ).json();
    const ours: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(await ourTasksPerSecond('http://127.0.0.1:3103', session.accessToken, owner));
      raw.push(await rawTasksPerSecond(queue, events));
    }
    console.log(`${TASKS} tasks per run, worker concurrency ${CONCURRENCY}, ${IN_FLIGHT} submissions in flight, ${ROUNDS} alternating rounds`);
    printComparison('tasks/s, submitted → succeeded', 'tasks/s', ours, raw, 0.5);
  } finally {
    await Promise.allSettled([queue.close(), events.close(), owner.end()]);
    for (const child of [api, worker, rawWorker]) child.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await db.drop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:tasks failed: ${error.message}`);
  process.exit(1);
});
