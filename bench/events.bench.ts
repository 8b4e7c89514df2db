// npm run bench:events — 1,000 concurrent SSE clients (spread over BENCH_API_INSTANCES api
// processes) receive a burst of 10,000 events published to Redis as the outbox relay does.
// Prints delivery latency (publish → parsed by the client) p50/p99/max, events lost (must be 0),
// duplicates and reconnects (a client dropped as slow resumes with Last-Event-ID, as EventSource does).
import Redis from 'ioredis';
import { request } from 'node:http';
import { createHistogram, performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { appendTenantEvent } from '../libs/platform/src/outbox/tenant-events';
import { benchDatabase, startProcess, waitForHttp } from './support/bench-env';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const INSTANCES = Number(process.env.BENCH_API_INSTANCES ?? 2);
const BASE_PORT = 3120;

const now = () => performance.timeOrigin + performance.now();
const latencyMicros = createHistogram();

/** A lean SSE client: counts events in order by their `seq`, measures latency, resumes with Last-Event-ID. */
class BenchClient {
  received = 0;
  duplicates = 0;
  reconnects = 0;
  private lastSeq = -1;
  private lastId?: string;
  private pending = '';

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  get done(): boolean {
    return this.lastSeq === EVENTS - 1;
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'text/event-stream' };
      if (this.lastId) headers['last-event-id'] = this.lastId;
      const req = request(this.url, { headers, agent: false }, (response) => {
        if (response.statusCode !== 200) return reject(new Error(`SSE answered ${response.statusCode}`));
        response.setEncoding('latin1'); // ASCII frames: cheaper than utf8 decoding
        response.on('data', (chunk: string) => this.receive(chunk));
        response.once('close', () => {
          if (this.done) return;
          this.reconnects++;
          this.pending = '';
          setTimeout(() => this.connect().catch(() => undefined), 100);
        });
        resolve();
      });
      req.on('error', reject);
      req.end();
    });
  }

  private receive(chunk: string): void {
    const at = now();
    this.pending += chunk;
    let start = 0;
    for (let end = this.pending.indexOf('\n\n'); end >= 0; end = this.pending.indexOf('\n\n', start)) {
      const block = this.pending.slice(start, end);
      start = end + 2;
      if (!block.startsWith('id: ')) continue;
      const seqAt = block.indexOf('"seq":') + 6;
      const seq = Number(block.slice(seqAt, block.indexOf(',', seqAt)));
      const sentAt = Number(block.slice(block.indexOf('"sentAt":') + 9, block.indexOf('}', seqAt)));
      if (seq <= this.lastSeq) {
        this.duplicates++;
        continue;
      }
      this.lastSeq = seq;
      this.lastId = block.slice(4, block.indexOf('\n'));
      this.received++;
      latencyMicros.record(Math.max(1, Math.round((at - sentAt) * 1000)));
    }
    this.pending = this.pending.slice(start);
  }
}

/** The whole burst in one pipeline: Redis takes it in a few milliseconds, the fan-out does the rest. */
async function publishBurst(redis: Redis, tenantId: string): Promise<number> {
  const start = now();
  const pipeline = redis.pipeline();
  for (let seq = 0; seq < EVENTS; seq++) {
    appendTenantEvent(pipeline, tenantId, {
      id: randomUUID(),
      type: 'bench.tick',
      aggregateType: 'bench',
      aggregateId: tenantId,
      payload: { seq, sentAt: now() },
      correlationId: null,
      occurredAt: new Date().toISOString(),
    });
  }
  await pipeline.exec();
  return now() - start;
}

async function main(): Promise<void> {
  const db = await benchDatabase('events');
  const ports = Array.from({ length: INSTANCES }, (_, i) => BASE_PORT + i);
  const apis = ports.map((port) => startProcess('apps/api/src/main.ts', { ...db.env, PORT: String(port) }));
  const redis = new Redis(db.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    await Promise.all(ports.map((port) => waitForHttp(`http://127.0.0.1:${port}/health/ready`, 120_000)));
    const session = await (
      await fetch(`http://127.0.0.1:${ports[0]}/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantName: 'Bench', email: `bench-${Date.now()}@example.test`, password: 'benchmark password' }),
      })
    ).json();

    const clients = Array.from({ length: CLIENTS }, (_, i) => new BenchClient(`http://127.0.0.1:${ports[i % INSTANCES]}/events/stream?topics=bench.*`, session.accessToken));
    for (let i = 0; i < CLIENTS; i += 100) await Promise.all(clients.slice(i, i + 100).map((client) => client.connect()));
    console.log(`${CLIENTS} SSE clients connected to ${INSTANCES} api instance(s); publishing ${EVENTS} events`);

    const start = now();
    const publishMs = await publishBurst(redis, session.tenantId);
    const deadline = Date.now() + 120_000;
    while (clients.some((client) => !client.done) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const totalMs = now() - start;

    const expected = CLIENTS * EVENTS;
    const received = clients.reduce((sum, client) => sum + client.received, 0);
    const pct = (p: number) => (latencyMicros.percentile(p) / 1000).toFixed(1);
    console.log(`published in ${publishMs.toFixed(0)} ms; every client done after ${totalMs.toFixed(0)} ms (${((received / totalMs) * 1000).toFixed(0)} deliveries/s)`);
    console.log(`latency ms: p50 ${pct(50)}  p99 ${pct(99)}  max ${(latencyMicros.max / 1000).toFixed(1)}`);
    console.log(`delivered ${received} of ${expected}; lost ${expected - received}; duplicates ${clients.reduce((s, c) => s + c.duplicates, 0)}; reconnects ${clients.reduce((s, c) => s + c.reconnects, 0)}`);
    if (received !== expected) process.exitCode = 1;
  } finally {
    await redis.quit();
    for (const api of apis) api.kill();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await db.drop();
  }
  process.exit(process.exitCode ?? 0);
}

main().catch((error: Error) => {
  console.error(`bench:events failed: ${error.message}`);
  process.exit(1);
});
