import { createTask, getTask } from '@autonomos/sdk';
import { ChildProcess } from 'node:child_process';
import { Client as PgClient } from 'pg';
import { newTenant } from './support/factories';
import { expectEventually, spawnWorker, Stack, startStack } from './support/stack';

describe('a worker killed mid-task (e2e)', () => {
  let stack: Stack;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    stack = await startStack({ worker: false });
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await stack.close();
  });

  it('is taken over by another worker, and the task succeeds once', async () => {
    const acme = await newTenant(stack.baseUrl);
    workers.push(spawnWorker());
    const task = (await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'survive', steps: 20, stepMs: 100 } } })).data!;

    // Wait until the first worker is well into the task, then kill it without warning.
    await expectEventually(async () => ((await getTask({ client: acme.client, path: { id: task.id } })).data!.progress >= 20 ? true : undefined), 60_000);
    workers[0].kill('SIGKILL');
    const progressAtKill = (await getTask({ client: acme.client, path: { id: task.id } })).data!.progress;
    expect(progressAtKill).toBeLessThan(100);

    workers.push(spawnWorker());
    const done = await expectEventually(async () => {
      const { data } = await getTask({ client: acme.client, path: { id: task.id } });
      return data?.status === 'succeeded' ? data : undefined;
    }, 60_000);
    expect(done).toMatchObject({ attempts: 2, progress: 100, result: { echo: 'survive', attempt: 2 } });

    const owner = new PgClient({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    try {
      const { rows } = await owner.query(`SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_id = $1 AND payload->>'status' = 'succeeded'`, [task.id]);
      expect(rows[0].n).toBe(1);
    } finally {
      await owner.end();
    }
  });
});
