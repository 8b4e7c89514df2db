import { cancelTask, createTask, getTask, listTasks, listTaskTypes, retryTask, type TaskDto } from '@autonomos/sdk';
import { Client as PgClient } from 'pg';
import { randomUUID } from 'node:crypto';
import { newTenant, newUser, TenantFixture } from './support/factories';
import { expectEventually, Stack, startStack } from './support/stack';

describe('tasks (e2e)', () => {
  let stack: Stack;
  let acme: TenantFixture;

  beforeAll(async () => {
    stack = await startStack();
    acme = await newTenant(stack.baseUrl, 'Acme');
  });
  afterAll(() => stack.close());

  const waitFor = (id: string, statuses: TaskDto['status'][], client = acme.client) =>
    expectEventually(async () => {
      const { data } = await getTask({ client, path: { id } });
      return data && statuses.includes(data.status) ? data : undefined;
    });

  it('runs a task through the worker to succeeded, with progress and result', async () => {
    const created = await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'hello', steps: 3, stepMs: 20 } } });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ status: 'queued', progress: 0, attempts: 0 });
    const done = await waitFor(created.data!.id, ['succeeded']);
    expect(done).toMatchObject({ progress: 100, attempts: 1, error: null, result: { echo: 'hello', steps: 3 } });
    expect(done.finishedAt).not.toBeNull();
  });

  it('lists the registered task types', async () => {
    expect((await listTaskTypes({ client: acme.client })).data).toContain('demo.echo');
  });

  it('refuses an unknown type and a bad payload, naming the field, creating nothing', async () => {
    const before = (await listTasks({ client: acme.client, query: { limit: 100 } })).data!.items.length;
    const unknown = await createTask({ client: acme.client, body: { type: 'no.such', payload: {} } });
    expect(unknown.response.status).toBe(400);
    expect(unknown.error).toMatchObject({ code: 'unknown_task_type', errors: [{ field: 'type' }] });
    const bad = await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 7, steps: 1000, sneaky: true } } });
    expect(bad.response.status).toBe(400);
    expect([...new Set((bad.error as { errors: { field: string }[] }).errors.map((e) => e.field))].sort()).toEqual(['payload.message', 'payload.sneaky', 'payload.steps']);
    expect((await listTasks({ client: acme.client, query: { limit: 100 } })).data!.items.length).toBe(before);
  });

  it('returns the first task for a replayed Idempotency-Key and 409s a different request under it', async () => {
    const key = randomUUID();
    const body = { type: 'demo.echo', payload: { message: 'once' } };
    const first = await createTask({ client: acme.client, body, headers: { 'idempotency-key': key } });
    const replay = await createTask({ client: acme.client, body, headers: { 'idempotency-key': key } });
    expect(first.response.status).toBe(201);
    expect(replay.response.status).toBe(200);
    expect(replay.data!.id).toBe(first.data!.id);
    const other = await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'twice' } }, headers: { 'idempotency-key': key } });
    expect(other.response.status).toBe(409);
    expect(other.error).toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('creates one task for an Idempotency-Key sent many times at once; the key is per tenant', async () => {
    const key = randomUUID();
    const body = { type: 'demo.echo', payload: { message: 'double click' } };
    const replies = await Promise.all(Array.from({ length: 10 }, () => createTask({ client: acme.client, body, headers: { 'idempotency-key': key } })));
    expect(replies.map((reply) => reply.response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(replies.map((reply) => reply.data!.id)).size).toBe(1);
    const globex = await newTenant(stack.baseUrl, 'Globex replay');
    const theirs = await createTask({ client: globex.client, body, headers: { 'idempotency-key': key } });
    expect(theirs.response.status).toBe(201);
    expect(theirs.data!.id).not.toBe(replies[0].data!.id);
  });

  it('filters by status and type and pages with a cursor, newest first', async () => {
    const tenant = await newTenant(stack.baseUrl);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createTask({ client: tenant.client, body: { type: 'demo.echo', payload: { message: `m${i}` } } })).data!.id);
    await Promise.all(ids.map((id) => waitFor(id, ['succeeded'], tenant.client)));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await listTasks({ client: tenant.client, query: { limit: 2, cursor, status: 'succeeded', type: 'demo.echo' } });
      expect(data!.items.length).toBeLessThanOrEqual(2);
      seen.push(...data!.items.map((task) => task.id));
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect((await listTasks({ client: tenant.client, query: { status: 'failed' } })).data!.items).toEqual([]);
  });

  it('refuses bad list parameters', async () => {
    for (const query of [{ limit: 0 }, { limit: 101 }, { status: 'done' }, { cursor: 'garbage' }]) {
      const { response } = await listTasks({ client: acme.client, query: query as never });
      expect(response.status).toBe(400);
    }
  });

  it('cancels a running task, which then stays cancelled', async () => {
    const created = await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'long', steps: 100, stepMs: 50 } } });
    await expectEventually(async () => ((await getTask({ client: acme.client, path: { id: created.data!.id } })).data!.progress > 0 ? true : undefined));
    const cancelled = await cancelTask({ client: acme.client, path: { id: created.data!.id } });
    expect(cancelled.data).toMatchObject({ status: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = (await getTask({ client: acme.client, path: { id: created.data!.id } })).data!;
    expect(after.status).toBe('cancelled');
    expect(after.progress).toBeLessThan(100);
    const again = await cancelTask({ client: acme.client, path: { id: created.data!.id } });
    expect(again.response.status).toBe(409);
  });

  it('retries with backoff, fails for good after the last attempt, and runs again on an operator retry', async () => {
    // Three runs fail (TASK_ATTEMPTS=3), the fourth — the operator's retry — succeeds.
    const created = await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'flaky', failAttempts: 3 } } });
    const failed = await waitFor(created.data!.id, ['failed']);
    expect(failed).toMatchObject({ attempts: 3, error: 'demo failure on attempt 3' });
    expect((await retryTask({ client: acme.client, path: { id: failed.id } })).data).toMatchObject({ status: 'queued', error: null });
    const done = await waitFor(failed.id, ['succeeded']);
    expect(done).toMatchObject({ attempts: 4, result: { attempt: 4 } });
    const notAgain = await retryTask({ client: acme.client, path: { id: failed.id } });
    expect(notAgain.response.status).toBe(409);
    expect(notAgain.error).toMatchObject({ code: 'task_not_retryable' });
  });

  it('lets operators and admins change tasks, and every role read them', async () => {
    const viewer = await newUser(stack.baseUrl, acme, 'viewer');
    const reviewer = await newUser(stack.baseUrl, acme, 'reviewer');
    const operator = await newUser(stack.baseUrl, acme, 'operator');
    const body = { type: 'demo.echo', payload: { message: 'role check' } };
    for (const who of [viewer, reviewer]) expect((await createTask({ client: who.client, body })).response.status).toBe(403);
    const created = await createTask({ client: operator.client, body });
    expect(created.response.status).toBe(201);
    for (const who of [viewer, reviewer]) {
      expect((await getTask({ client: who.client, path: { id: created.data!.id } })).response.status).toBe(200);
      expect((await cancelTask({ client: who.client, path: { id: created.data!.id } })).response.status).toBe(403);
    }
  });

  it("hides one tenant's tasks from another: 404 to read, cancel or retry, absent from lists", async () => {
    const globex = await newTenant(stack.baseUrl, 'Globex');
    const task = (await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'secret', steps: 50, stepMs: 50 } } })).data!;
    expect((await getTask({ client: globex.client, path: { id: task.id } })).response.status).toBe(404);
    expect((await cancelTask({ client: globex.client, path: { id: task.id } })).response.status).toBe(404);
    expect((await retryTask({ client: globex.client, path: { id: task.id } })).response.status).toBe(404);
    expect((await listTasks({ client: globex.client })).data!.items).toEqual([]);
    expect((await getTask({ client: acme.client, path: { id: task.id } })).data!.status).not.toBe('cancelled');
    await cancelTask({ client: acme.client, path: { id: task.id } });
  });

  it('row-level security is really on: the application role sees no tenant rows without app.tenant_id', async () => {
    const db = new PgClient({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      for (const table of ['tenants', 'users', 'tasks', 'api_keys', 'refresh_tokens', 'outbox_events']) {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [acme.tenantId]);
      const { rows } = await db.query('SELECT DISTINCT tenant_id FROM tasks');
      expect(rows).toEqual([{ tenant_id: acme.tenantId }]);
      await expect(db.query(`INSERT INTO tasks (id, tenant_id, type, payload, status, request_hash, created_by) VALUES ($1, $2, 'x.y', '{}', 'queued', 'h', 'me')`, [randomUUID(), randomUUID()])).rejects.toThrow(/row-level security/);
      await db.query('ROLLBACK');
    } finally {
      await db.end();
    }
  });

  it('a run ending late changes nothing: a cancelled task stays cancelled, a finished one is finished once', async () => {
    const long = (await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'late', steps: 100, stepMs: 50 } } })).data!;
    await waitFor(long.id, ['running']);
    await cancelTask({ client: acme.client, path: { id: long.id } });
    const done = (await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'once' } } })).data!;
    await waitFor(done.id, ['succeeded']);
    // What a second delivery of each job would do, as the worker does it (application role).
    const db = new PgClient({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      for (const task of [long, done]) {
        const ended = await db.query(`SELECT task_end_run($1, $2, 'succeeded', '{"late": true}', NULL, NULL) AS moved`, [acme.tenantId, task.id]);
        expect(ended.rows).toEqual([{ moved: false }]);
        expect((await db.query('SELECT * FROM task_start($1, $2, NULL)', [acme.tenantId, task.id])).rows).toEqual([]);
      }
    } finally {
      await db.end();
    }
    expect((await getTask({ client: acme.client, path: { id: long.id } })).data).toMatchObject({ status: 'cancelled', result: null });
    expect((await getTask({ client: acme.client, path: { id: done.id } })).data).toMatchObject({ status: 'succeeded', attempts: 1, result: { echo: 'once' } });
  });

  it('publishes every lifecycle change as a task.status_changed event through the outbox', async () => {
    const ok = (await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'events' } } })).data!;
    const flaky = (await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'events', failAttempts: 3 } } })).data!;
    await waitFor(ok.id, ['succeeded']);
    await waitFor(flaky.id, ['failed']);
    const owner = new PgClient({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    const published = (task: TaskDto, count: number) =>
      expectEventually(async () => {
        const { rows } = await owner.query(
          `SELECT event_type, payload FROM outbox_events WHERE aggregate_id = $1 AND published_at IS NOT NULL ORDER BY id`,
          [task.id],
        );
        return rows.length === count ? rows : undefined;
      });
    const event = (task: TaskDto, status: string, error: string | null = null) => ({
      event_type: 'task.status_changed',
      payload: { type: 'task.status_changed', tenantId: acme.tenantId, aggregateId: task.id, taskId: task.id, taskType: 'demo.echo', status, error },
    });
    try {
      expect(await published(ok, 3)).toEqual([event(ok, 'queued'), event(ok, 'running'), event(ok, 'succeeded')]);
      // Each of the three runs starts from queued (waiting for its retry); the last failure is final.
      expect(await published(flaky, 5)).toEqual([
        event(flaky, 'queued'),
        event(flaky, 'running'),
        event(flaky, 'running'),
        event(flaky, 'running'),
        event(flaky, 'failed', 'demo failure on attempt 3'),
      ]);
    } finally {
      await owner.end();
    }
  });
});
