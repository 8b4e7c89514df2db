// npm run bench:api — authenticated GET /tasks/:id through the whole api (guard, JWT, CQRS,
// TypeORM, row-level security) against a bare Fastify server running the same read on the same
// database, alternating, with autocannon. Prints requests/s, p99 and the ratio.
import autocannon from 'autocannon';
import { benchDatabase, median, printComparison, startProcess, waitForHttp } from './support/bench-env';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = 2;

async function load(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
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
      const ours: { rps: number; p99: number }[] = [];
      const baseline: { rps: number; p99: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        ours.push(await load(`http://127.0.0.1:3101/tasks/${task.id}`, auth));
        baseline.push(await load(`http://127.0.0.1:3102/tasks/${task.id}`, {}));
      }
      console.log(`GET /tasks/:id, ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} alternating rounds`);
      printComparison('requests/s', 'req/s', ours.map((r) => r.rps), baseline.map((r) => r.rps), 0.6);
      console.log(`  p99: ours ${median(ours.map((r) => r.p99))} ms, baseline ${median(baseline.map((r) => r.p99))} ms`);
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
