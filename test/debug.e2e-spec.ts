import { debugOutbox, debugQueues, debugStreams } from '@autonomos/sdk';
import { publishTenantEvent } from '@autonomos/platform';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { newTenant, newUser, TenantFixture } from './support/factories';
import { Stack, startStack } from './support/stack';

describe('debug endpoints (e2e)', () => {
  let stack: Stack;
  let redis: Redis;
  let owner: PgClient;
  let acme: TenantFixture;
  let globex: TenantFixture;

  const event = (type: string) => ({ id: randomUUID(), type, aggregateType: 'test', aggregateId: 'a', payload: {}, correlationId: null, occurredAt: new Date().toISOString() });

  beforeAll(async () => {
    // No worker: nothing relays the outbox, so its lag is ours to set.
    stack = await startStack({ worker: false });
    redis = new Redis(process.env.REDIS_URL!);
    owner = new PgClient({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    acme = await newTenant(stack.baseUrl, 'Acme');
    globex = await newTenant(stack.baseUrl, 'Globex');
  });
  afterAll(async () => {
    await redis.del(`aam:dcl:${acme.tenantId}:crm`, `aam:dcl:${acme.tenantId}:crm:dead`);
    await redis.quit();
    await owner.end();
    await stack.close();
  });

  it("shows the admin its own tenant's streams: lengths, consumer groups, pending entries, dead letters", async () => {
    for (let i = 0; i < 3; i++) await publishTenantEvent(redis, acme.tenantId, event('debug.tick'));
    await publishTenantEvent(redis, globex.tenantId, event('debug.tick'));
    const dcl = `aam:dcl:${acme.tenantId}:crm`;
    await redis.xadd(dcl, '*', 'batch', '1');
    await redis.xadd(dcl, '*', 'batch', '2');
    await redis.xgroup('CREATE', dcl, 'dcl', '0');
    await redis.xreadgroup('GROUP', 'dcl', 'consumer-1', 'COUNT', 1, 'STREAMS', dcl, '>');
    await redis.xadd(`${dcl}:dead`, '*', 'batch', '0');

    const { data, response } = await debugStreams({ client: acme.client });
    expect(response.status).toBe(200);
    expect(data!.streams).toEqual([
      expect.objectContaining({ key: `events:stream:${acme.tenantId}`, kind: 'events', length: 3, groups: [] }),
      expect.objectContaining({ key: dcl, kind: 'dcl', length: 2, groups: [{ name: 'dcl', consumers: 1, pending: 1, lag: 1 }] }),
      expect.objectContaining({ key: `${dcl}:dead`, kind: 'dead_letter', length: 1 }),
    ]);
    expect(JSON.stringify(data)).not.toContain(globex.tenantId);

    const other = await debugStreams({ client: globex.client });
    expect(other.data!.streams).toEqual([expect.objectContaining({ key: `events:stream:${globex.tenantId}`, length: 1 })]);
  });

  it('shows the task queue counts (global infrastructure)', async () => {
    const { data } = await debugQueues({ client: acme.client });
    expect(data!.queues).toEqual([
      { name: 'tasks', counts: expect.objectContaining({ waiting: expect.any(Number), active: expect.any(Number), failed: expect.any(Number), delayed: expect.any(Number) }) },
    ]);
  });

  it("shows the tenant's unpublished outbox events and the oldest one's lag, not another tenant's", async () => {
    const { createTask } = await import('@autonomos/sdk');
    await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'x' } } });
    await owner.query(`UPDATE outbox_events SET created_at = now() - interval '90 seconds' WHERE tenant_id = $1 AND published_at IS NULL`, [acme.tenantId]);

    const ours = await debugOutbox({ client: acme.client });
    expect(ours.data!.unpublished).toBeGreaterThanOrEqual(1);
    expect(ours.data!.oldestLagSeconds).toBeGreaterThanOrEqual(90);
    expect(ours.data!.oldestLagSeconds).toBeLessThan(200);
    expect((await debugOutbox({ client: globex.client })).data).toEqual({ unpublished: 0, oldestLagSeconds: 0 });
  });

  it.each(['viewer', 'operator', 'reviewer'] as const)('refuses a %s with 403 problem+json', async (role) => {
    const user = await newUser(stack.baseUrl, acme, role);
    for (const call of [debugStreams, debugQueues, debugOutbox]) {
      const { response, error } = await call({ client: user.client });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(error).toMatchObject({ code: 'forbidden' });
    }
  });

  it('refuses an anonymous caller with 401', async () => {
    expect((await fetch(`${stack.baseUrl}/debug/streams`)).status).toBe(401);
  });
});
