import { createTask, getTask } from '@autonomos/sdk';
import { ChildProcess } from 'node:child_process';
import { Client as PgClient } from 'pg';
import { newTenant } from './support/factories';
import { expectEventually, spawnWorker, Stack, startStack } from './support/stack';

jest.setTimeout(120_000);

describe('worker processes (e2e)', () => {
  let stack: Stack;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    stack = await startStack({ worker: false });
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await stack.close();
  });

  it('a worker killed mid-task: another takes over, and the task succeeds once', async () => {
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

  it('a worker asked to stop (SIGTERM) finishes its running task before it exits', async () => {
    for (const earlier of workers) earlier.kill('SIGKILL'); // this worker must be the one running the task
    const acme = await newTenant(stack.baseUrl);
    const worker = spawnWorker();
    workers.push(worker);
    const task = (await createTask({ client: acme.client, body: { type: 'demo.echo', payload: { message: 'finish me', steps: 10, stepMs: 150 } } })).data!;
    await expectEventually(async () => ((await getTask({ client: acme.client, path: { id: task.id } })).data!.progress >= 10 ? true : undefined), 60_000);
    const exited = new Promise<string>((resolve) => worker.once('exit', (code, signal) => resolve(`${code ?? signal}`)));
    worker.kill('SIGTERM');
    // Nest closes the app (BullMQ waits for the active job), then re-raises the signal.
    expect(await exited).toMatch(/^(0|SIGTERM)$/);
    const after = (await getTask({ client: acme.client, path: { id: task.id } })).data!;
    expect(after).toMatchObject({ status: 'succeeded', attempts: 1, progress: 100 });
  });
});
