import { EventHub } from '@autonomos/events';
import { publishTenantEvent, type TenantEvent } from '@autonomos/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { connect as tcpConnect, Socket } from 'node:net';
import { WebSocket } from 'ws';
import type * as Factories from './support/factories';
import { SseClient } from './support/sse-client';
import type * as StackModule from './support/stack';

// Config is read when the app module loads: set the short heartbeat and small buffer first.
const HEARTBEAT_MS = 300;
process.env.EVENTS_HEARTBEAT_MS = String(HEARTBEAT_MS);
process.env.EVENTS_MAX_BUFFER_BYTES = String(256 * 1024);

describe('live events (e2e)', () => {
  let stackModule: typeof StackModule;
  let factories: typeof Factories;
  let stack: StackModule.Stack;
  let second: NestFastifyApplication;
  let secondUrl: string;
  let redis: Redis;
  let acme: Factories.TenantFixture;
  let globex: Factories.TenantFixture;
  const clients: Array<{ close(): void }> = [];

  const auth = (tenant: Factories.TenantFixture) => ({ authorization: `Bearer ${tenant.token}` });
  const sse = async (baseUrl: string, tenant: Factories.TenantFixture | undefined, query = '', headers: Record<string, string> = {}) => {
    const client = await SseClient.connect(`${baseUrl}/events/stream${query}`, { ...(tenant ? auth(tenant) : {}), ...headers });
    clients.push(client);
    return client;
  };
  /** Raises an event as any domain does (the task runner, the outbox relay). */
  const publish = async (tenant: Factories.TenantFixture, type: string, payload: Record<string, unknown> = {}) => {
    const event: TenantEvent = { id: randomUUID(), type, aggregateType: 'test', aggregateId: randomUUID(), payload, correlationId: null, occurredAt: new Date().toISOString() };
    await publishTenantEvent(redis, tenant.tenantId, event);
    return event;
  };

  beforeAll(async () => {
    stackModule = await import('./support/stack');
    factories = await import('./support/factories');
    const { createApi } = await import('../apps/api/src/bootstrap');
    stack = await stackModule.startStack();
    second = await createApi();
    await second.listen({ port: 0, host: '127.0.0.1' });
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
    redis = new Redis(process.env.REDIS_URL!);
    acme = await factories.newTenant(stack.baseUrl, 'Acme');
    globex = await factories.newTenant(stack.baseUrl, 'Globex');
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(async () => {
    await redis.quit();
    await second.close();
    await stack.close();
  });

  it("delivers a task's events raised through one instance to an SSE client of another, and none to another tenant", async () => {
    const onSecond = await sse(secondUrl, acme);
    const otherTenant = await sse(secondUrl, globex);
    expect(onSecond.contentType).toMatch(/^text\/event-stream/);

    const { createTask } = await import('@autonomos/sdk');
    const created = await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'hi', steps: 2, stepMs: 10 } } });
    expect(created.response.status).toBe(201);
    const taskId = created.data!.id;
    const succeeded = () => onSecond.events.find((e) => e.event.type === 'task.status_changed' && e.event.payload.status === 'succeeded');
    await stackModule.expectEventually(async () => succeeded());

    const ours = onSecond.events.filter((e) => e.event.aggregateId === taskId);
    expect(ours.map((e) => e.event.type)).toEqual(expect.arrayContaining(['task.status_changed', 'task.progress']));
    expect(ours.every((e) => /^\d+-\d+$/.test(e.id))).toBe(true);
    expect(otherTenant.events).toEqual([]);
  });

  it('gives a client that reconnects with Last-Event-ID exactly what it missed, on either instance', async () => {
    const first = await sse(stack.baseUrl, acme, '?topics=replay.*');
    const before = [];
    for (let i = 0; i < 5; i++) before.push(await publish(acme, 'replay.tick', { i }));
    await first.waitForEvents(5);
    first.close();
    const lastSeen = first.events[4].id;

    const missed = [];
    for (let i = 5; i < 12; i++) missed.push(await publish(acme, 'replay.tick', { i }));
    await publish(globex, 'replay.tick', { i: 'other tenant' });

    const resumed = await sse(secondUrl, acme, '?topics=replay.*', { 'last-event-id': lastSeen });
    const live = await publish(acme, 'replay.tick', { i: 12 });
    await resumed.waitForEvents(8);
    await new Promise((resolve) => setTimeout(resolve, 200)); // would a duplicate follow?
    expect(first.events.map((e) => e.event.id)).toEqual(before.map((e) => e.id));
    expect(resumed.events.map((e) => e.event.id)).toEqual([...missed, live].map((e) => e.id));

    // The same through the query parameter, for clients that cannot send the header.
    const viaQuery = await sse(stack.baseUrl, acme, `?topics=replay.*&lastEventId=${resumed.events[6].id}`);
    await viaQuery.waitForEvents(1);
    expect(viaQuery.events.map((e) => e.event.id)).toEqual([live.id]);
  });

  it('tells a client resuming from before what the stream still keeps that it missed events, then replays the rest', async () => {
    const tenant = await factories.newTenant(stack.baseUrl, 'Trimmed');
    const first = await sse(stack.baseUrl, tenant, '?topics=trim.*');
    await publish(tenant, 'trim.tick', { i: 0 });
    await first.waitForEvents(1);
    first.close();
    const lastSeen = first.events[0].id;
    for (let i = 1; i <= 3; i++) await publish(tenant, 'trim.tick', { i });
    // The cap at work: everything up to the third event is trimmed away.
    await redis.xtrim(`events:stream:${tenant.tenantId}`, 'MAXLEN', 1);
    const [[oldestKept]] = (await redis.xrange(`events:stream:${tenant.tenantId}`, '-', '+')) as [string, string[]][];

    const resumed = await sse(secondUrl, tenant, '?topics=trim.*', { 'last-event-id': lastSeen });
    await resumed.waitForEvents(1);
    expect(resumed.notices).toEqual([{ event: 'missed', data: { lastEventId: lastSeen, oldestKept }, beforeEvent: 0 }]);
    expect(resumed.events.map((e) => e.event.payload)).toEqual([{ i: 3 }]);

    // Resuming from what is still kept: no notice.
    const caughtUp = await sse(stack.baseUrl, tenant, '?topics=trim.*', { 'last-event-id': oldestKept });
    const live = await publish(tenant, 'trim.tick', { i: 4 });
    await caughtUp.waitForEvents(1);
    expect(caughtUp.events.map((e) => e.event.id)).toEqual([live.id]);
    expect(caughtUp.notices).toEqual([]);
  });

  it("catches a client up from the stream when the api's pub/sub connection drops and comes back", async () => {
    const client = await sse(secondUrl, acme, '?topics=drop.*');
    const before = await publish(acme, 'drop.before');
    await client.waitForEvents(1);
    // A network drop of this instance's subscriber: what is published until it reconnects never reaches it by pub/sub.
    const subscriber = (second.get(EventHub) as unknown as { subscriber: Redis }).subscriber;
    subscriber.stream.destroy();
    const whileDown = [await publish(acme, 'drop.during', { i: 1 }), await publish(acme, 'drop.during', { i: 2 })];
    await client.waitForEvents(3);
    const after = await publish(acme, 'drop.after');
    await client.waitForEvents(4);
    await new Promise((resolve) => setTimeout(resolve, 200)); // would a duplicate follow?
    expect(client.events.map((e) => e.event.id)).toEqual([before, ...whileDown, after].map((e) => e.id));
  });

  it('delivers only the event types a topic filter asks for', async () => {
    const filtered = await sse(secondUrl, acme, '?topics=task.*,drift.detected');
    await publish(acme, 'repair.proposed');
    const drift = await publish(acme, 'drift.detected');
    await publish(acme, 'drift.resolved');
    const progress = await publish(acme, 'task.progress');
    await filtered.waitForEvents(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(filtered.events.map((e) => e.event.id)).toEqual([drift.id, progress.id]);
  });

  it('accepts the token as ?access_token= and refuses a client without one, as problem+json', async () => {
    const viaQuery = await sse(stack.baseUrl, undefined, `?access_token=${acme.token}&topics=query.*`);
    expect(viaQuery.status).toBe(200);
    const event = await publish(acme, 'query.token');
    expect((await viaQuery.waitForEvents(1))[0].event.id).toBe(event.id);

    for (const query of ['', '?access_token=not-a-token']) {
      const refused = await fetch(`${stack.baseUrl}/events/stream${query}`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Only the event stream takes a token from the query.
    expect((await fetch(`${stack.baseUrl}/tasks?access_token=${acme.token}`)).status).toBe(401);
  });

  it.each([
    ['an unknown topic syntax', '?topics=task.**', {}, 'invalid_topics', 'topics'],
    ['an empty topic', '?topics=task.*,', {}, 'invalid_topics', 'topics'],
    ['a malformed Last-Event-ID', '', { 'last-event-id': 'yesterday' }, 'invalid_last_event_id', 'Last-Event-ID'],
    ['a malformed lastEventId', '?lastEventId=12', {}, 'invalid_last_event_id', 'lastEventId'],
    ['an unknown parameter', '?since=now', {}, 'invalid_input', 'since'],
  ])('answers %s with a 400 problem+json naming the field', async (_, query, headers, code, field) => {
    const response = await fetch(`${stack.baseUrl}/events/stream${query}`, { headers: { ...auth(acme), ...headers } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 400, code, errors: [expect.objectContaining({ field })] });
  });

  it('sends heartbeats at the configured interval', async () => {
    const client = await sse(stack.baseUrl, acme, '?topics=none.*');
    await stackModule.expectEventually(async () => (client.heartbeats.length >= 4 ? true : undefined), 5_000);
    const gaps = client.heartbeats.slice(1).map((at, i) => at - client.heartbeats[i]);
    for (const gap of gaps) expect(gap).toBeGreaterThan(HEARTBEAT_MS * 0.5);
    for (const gap of gaps) expect(gap).toBeLessThan(HEARTBEAT_MS * 2);
  });

  it('drops a client that stops reading, without delaying the others', async () => {
    const hub = second.get(EventHub);
    const fast = await sse(secondUrl, acme, '?topics=bulk.*');
    const slow = await rawSse(secondUrl, acme.token, 'bulk.*');
    const clientsBefore = hub.clientCount;

    // 400 events of 32 KiB: far more than socket buffers and the 256 KiB limit hold for a client that never reads.
    const blob = 'x'.repeat(32 * 1024);
    const sent = [];
    for (let i = 0; i < 400; i++) sent.push(await publish(acme, 'bulk.blob', { i, blob }));
    await fast.waitForEvents(400, 30_000);
    expect(fast.events.map((e) => e.event.id)).toEqual(sent.map((e) => e.id));
    await stackModule.expectEventually(async () => (hub.clientCount === clientsBefore - 1 ? true : undefined), 5_000);

    slow.socket.resume();
    await slow.closed;
    const slowIds = [...slow.text().matchAll(/^id: (.+)$/gm)];
    expect(slowIds.length).toBeLessThan(400);
  });

  describe('WebSocket', () => {
    const wsUrl = (baseUrl: string, query: string) => `${baseUrl.replace('http', 'ws')}/events/ws${query}`;
    interface WsClient {
      socket: WebSocket;
      messages: Array<{ event: string; data?: Record<string, unknown> }>;
      next(event: string): Promise<{ event: string; data?: Record<string, unknown> }>;
    }
    const open = (url: string, headers: Record<string, string> = {}) =>
      new Promise<WsClient>((resolve, reject) => {
        const socket = new WebSocket(url, { headers });
        const client: WsClient = {
          socket,
          messages: [],
          next: (event) =>
            stackModule.expectEventually(async () => {
              const index = client.messages.findIndex((m) => m.event === event);
              return index < 0 ? undefined : client.messages.splice(index, 1)[0];
            }, 5_000),
        };
        clients.push({ close: () => socket.terminate() });
        socket.on('message', (data) => client.messages.push(JSON.parse(String(data))));
        socket.on('open', () => resolve(client));
        socket.on('error', reject);
      });

    it("delivers the tenant's events to an authenticated connection, from another instance", async () => {
      const client = await open(wsUrl(secondUrl, '?topics=ws.*'), auth(acme));
      await client.next('ready');
      await publish(globex, 'ws.hello');
      const event = await publish(acme, 'ws.hello', { n: 1 });
      const received = await client.next('event');
      expect(received.data).toMatchObject({ id: event.id, type: 'ws.hello', payload: { n: 1 }, streamId: expect.stringMatching(/^\d+-\d+$/) });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(client.messages.filter((m) => m.event === 'event')).toEqual([]);
    });

    it('changes topics with subscribe and unsubscribe messages, and refuses a bad topic', async () => {
      const client = await open(wsUrl(stack.baseUrl, `?access_token=${acme.token}&topics=drift.detected`));
      await client.next('ready');
      client.socket.send(JSON.stringify({ event: 'subscribe', data: { topics: ['wsmsg.*'] } }));
      expect((await client.next('subscribed')).data).toEqual({ topics: ['drift.detected', 'wsmsg.*'] });
      const wanted = await publish(acme, 'wsmsg.one');
      expect((await client.next('event')).data).toMatchObject({ id: wanted.id });

      client.socket.send(JSON.stringify({ event: 'unsubscribe', data: { topics: ['wsmsg.*'] } }));
      expect((await client.next('subscribed')).data).toEqual({ topics: ['drift.detected'] });
      await publish(acme, 'wsmsg.two');
      const drift = await publish(acme, 'drift.detected');
      expect((await client.next('event')).data).toMatchObject({ id: drift.id });

      client.socket.send(JSON.stringify({ event: 'subscribe', data: { topics: ['Not A Topic'] } }));
      expect((await client.next('error')).data).toMatchObject({ code: 'invalid_topics' });
    });

    it('sends pings as heartbeats', async () => {
      const client = await open(wsUrl(stack.baseUrl, ''), auth(acme));
      let pings = 0;
      client.socket.on('ping', () => pings++);
      await stackModule.expectEventually(async () => (pings >= 2 ? true : undefined), 5_000);
    });

    it.each([
      ['no token', ''],
      ['a bad token', '?access_token=nope'],
    ])('closes a connection with %s with 1008 (policy violation)', async (_, query) => {
      const client = await open(wsUrl(stack.baseUrl, query));
      const [code, reason] = await new Promise<[number, string]>((resolve) => client.socket.on('close', (c, r) => resolve([c, String(r)])));
      expect(code).toBe(1008);
      expect(reason).toMatch(/^invalid_token/);
    });
  });
});

/** An SSE request on a bare socket that stops reading once the stream opened. */
async function rawSse(baseUrl: string, token: string, topics: string) {
  const { hostname, port } = new URL(baseUrl);
  const socket: Socket = tcpConnect(Number(port), hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(`GET /events/stream?topics=${topics} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nAccept: text/event-stream\r\n\r\n`);
  await new Promise<void>((resolve) => {
    const check = () => (Buffer.concat(chunks).includes('retry:') ? resolve() : setTimeout(check, 10));
    check();
  });
  socket.pause();
  return { socket, closed, text: () => Buffer.concat(chunks).toString() };
}
