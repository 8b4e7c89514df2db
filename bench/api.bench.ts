// npm run bench:api — authenticated GET /tasks/:id through the whole api (guard, JWT, CQRS,
// TypeORM, row-level security) against a bare Fastify server running the same read on the same
// database, alternating, with autocannon. Prints requests/s, p99 and the ratio.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { benchDatabase, median, printComparison, startProcess, waitForHttp } from './support/bench-env';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = 2;
const WARM_UP_S = 3;

/** CPU time (ms) a process has used: less sensitive to a noisy machine than requests/s. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
}

async function load(url: string, headers: Record<string, string>, pid: number) {
  const before = cpuMs(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, cpuPerRequest: (cpuMs(pid) - before) / result.requests.total };
}

async function main(): Promise<void> {
  const db = await benchDatabase('api');
  const api = startProcess('dist/apps/api/src/main.js', { ...db.env, PORT: '3101' });
  try {
    await waitForHttp('http://127.0.0.1:3101/health/ready');
    const registered = await (
      await fetch('http://127.0.0.1:3101/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantName: 'Bench', email: `bench-${Date.now()}@example.test`, password: 'benchmark password' }),
      })
    ).json();
    const auth = { authorization: `Bearer ${registered.accessToken}` };
    const task = await (
      await fetch('http://127.0.0.1:3101/tasks', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'demo.echo', payload: { message: 'bench' } }),
      })
    ).json();
    const bare = startProcess('bench/support/bare-task-server.ts', { ...db.env, PORT: '3102', BENCH_TENANT_ID: registered.tenantId });
    try {
      await waitForHttp(`http://127.0.0.1:3102/tasks/${task.id}`);
      // Both servers are warmed up the same way first, so round one measures neither's JIT compilation.
      for (const url of [`http://127.0.0.1:3101/tasks/${task.id}`, `http://127.0.0.1:3102/tasks/${task.id}`]) {
        await autocannon({ url, connections: CONNECTIONS, duration: WARM_UP_S, headers: auth });
      }
      const ours: Awaited<ReturnType<typeof load>>[] = [];
      const baseline: Awaited<ReturnType<typeof load>>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        ours.push(await load(`http://127.0.0.1:3101/tasks/${task.id}`, auth, api.pid!));
        baseline.push(await load(`http://127.0.0.1:3102/tasks/${task.id}`, {}, bare.pid!));
      }
      console.log(`GET /tasks/:id, ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} alternating rounds after a ${WARM_UP_S} s warm-up of each`);
      printComparison('requests/s', 'req/s', ours.map((r) => r.rps), baseline.map((r) => r.rps), 0.6);
      console.log(`  p99: ours ${median(ours.map((r) => r.p99))} ms, baseline ${median(baseline.map((r) => r.p99))} ms`);
      const cpu = (runs: typeof ours) => median(runs.map((r) => r.cpuPerRequest)).toFixed(2);
      console.log(`  server CPU per request: ours ${cpu(ours)} ms, baseline ${cpu(baseline)} ms`);
    } finally {
      bare.kill();
    }
  } finally {
    api.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await db.drop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:api failed: ${error.message}`);
  process.exit(1);
});
