import {
  createConnection,
  deleteSchedule,
  listDrifts,
  listNotifications,
  listSchedules,
  listTasks,
  setSlackWebhook,
  syncConnection,
  testSlackWebhook,
  upsertSchedule,
  type Client,
} from '@autonomos/sdk';
import { AppConfig } from '@autonomos/platform';
import { sharedPath } from '@autonomos/testing';
import { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeSlack, FakeSlack } from './support/fake-slack';
import { newTenant, newUser, TenantFixture } from './support/factories';
import { expectEventually, spawnWorker, Stack, startStack } from './support/stack';

// Read by the worker this file spawns: three attempts, quick backoff.
process.env.NOTIFY_ATTEMPTS = '3';
process.env.NOTIFY_BACKOFF_MS = '100';

describe('Slack deliveries and drift-scan schedules (e2e)', () => {
  let stack: Stack;
  let slack: FakeSlack;
  let worker: ChildProcess;
  let acme: TenantFixture;
  let other: TenantFixture;

  const delivery = (client: Client, id: string, status: 'sent' | 'failed') =>
    expectEventually(async () => (await listNotifications({ client, query: { status } })).data!.find((d) => d.id === id), 20_000);
  const sagaTasks = async (client: Client) => (await listTasks({ client, query: { type: 'saga.drift-scan', limit: 100 } })).data!.items;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    slack = await startFakeSlack();
    acme = await newTenant(stack.baseUrl, 'Acme');
    other = await newTenant(stack.baseUrl, 'Other');
    worker = spawnWorker();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await slack.close();
    await stack.close();
  });

  describe('Slack', () => {
    it('refuses a test message while no webhook is set, naming what to do', async () => {
      const { response, error } = await testSlackWebhook({ client: other.client });
      expect(response.status).toBe(409);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(error).toMatchObject({ code: 'slack_not_configured', detail: expect.stringContaining('PUT /settings/slack') });
    });

    it('retries a failing webhook with backoff until Slack takes the message', async () => {
      await setSlackWebhook({ client: acme.client, body: { webhookUrl: slack.url } });
      slack.failNext(2);
      const before = slack.received.length;
      const { response, data } = await testSlackWebhook({ client: acme.client });
      expect(response.status).toBe(202);
      const sent = await delivery(acme.client, data!.deliveryId, 'sent');
      expect(sent).toMatchObject({ kind: 'test', attempts: 3, lastError: null, sentAt: expect.any(String) });
      expect(slack.received.slice(before).map((m) => m.text)).toEqual(Array(3).fill(expect.stringContaining('AutonomOS test message')));
    });

    it('marks a delivery failed after the last attempt, with the error and never the secret URL', async () => {
      slack.failNext(10);
      const before = slack.received.length;
      const { data } = await testSlackWebhook({ client: acme.client });
      const failed = await delivery(acme.client, data!.deliveryId, 'failed');
      expect(failed).toMatchObject({ attempts: 3, sentAt: null, lastError: 'Slack answered 500: internal_error' });
      expect(JSON.stringify(failed)).not.toContain('secret-token');
      await new Promise((resolve) => setTimeout(resolve, 500)); // no fourth attempt follows
      expect(slack.received.length - before).toBe(3);
      slack.failNext(0);
    });

    it('lets only admins send a test message', async () => {
      const operator = await newUser(stack.baseUrl, acme, 'operator');
      expect((await testSlackWebhook({ client: operator.client })).response.status).toBe(403);
    });
  });

  describe('drift-scan schedules', () => {
    let connectionId: string;

    beforeAll(async () => {
      const dir = join(stack.api.get(AppConfig).get('FILESOURCE_ROOT'), acme.tenantId, 'scheduled');
      mkdirSync(dir, { recursive: true });
      copyFileSync(sharedPath('data', 'filesource', 'cost_reports.csv'), join(dir, 'cost_reports.csv'));
      const created = await createConnection({ client: acme.client, body: { name: 'scheduled costs', kind: 'filesource', config: { path: 'scheduled/cost_reports.csv', keyColumns: ['report_id'] } } });
      connectionId = created.data!.id;
      const sync = await syncConnection({ client: acme.client, path: { id: connectionId }, body: { mode: 'full' } });
      await expectEventually(async () => ((await listTasks({ client: acme.client, query: { status: 'succeeded' } })).data!.items.some((t) => t.id === sync.data!.id) ? true : undefined), 60_000);
      // The source drifts between two scheduled scans.
      copyFileSync(sharedPath('data', 'filesource', 'cost_reports_drifted.csv'), join(dir, 'cost_reports.csv'));
    });

    it('runs a drift scan on its cron pattern, finds the drift once, and stops when the schedule is removed', async () => {
      const { response, data: schedule } = await upsertSchedule({ client: acme.client, body: { saga: 'drift-scan', connectionId, cron: '* * * * * *' } });
      expect(response.status).toBe(200);
      expect((await listSchedules({ client: acme.client })).data).toEqual([expect.objectContaining({ id: schedule!.id, connectionId, cron: '* * * * * *', nextRunAt: expect.any(String) })]);

      // Every second a scan runs as a task; the first finds the drift, later ones find nothing new.
      const scans = await expectEventually(async () => {
        const done = (await sagaTasks(acme.client)).filter((t) => t.status === 'succeeded');
        return done.length >= 2 ? done : undefined;
      }, 30_000);
      expect(scans.reduce((sum, t) => sum + Number((t.result as { drifts: number }).drifts), 0)).toBe(1);
      expect((await listDrifts({ client: acme.client, query: { connectionId } })).data!.items).toHaveLength(1);

      expect((await deleteSchedule({ client: acme.client, path: { id: schedule!.id } })).response.status).toBe(204);
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // a firing already under way may finish
      const settled = (await sagaTasks(acme.client)).length;
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect((await sagaTasks(acme.client)).length).toBe(settled);
      expect((await listSchedules({ client: acme.client })).data).toEqual([]);
    });

    it.each([
      ['an invalid cron pattern', { saga: 'drift-scan', cron: 'every tuesday' }, 'invalid_cron', 'cron'],
      ['a saga that does not run on a schedule', { saga: 'replay-quarantine', cron: '0 * * * *' }, 'invalid_input', 'saga'],
      ['a connection id that is not a UUID', { saga: 'drift-scan', cron: '0 * * * *', connectionId: 'nope' }, 'invalid_input', 'connectionId'],
    ])('refuses %s with a 400 problem+json naming the field', async (_, body, code, field) => {
      const { response, error } = await upsertSchedule({ client: acme.client, body: { connectionId, ...body } as never });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ code, errors: [expect.objectContaining({ field })] });
      expect((await listSchedules({ client: acme.client })).data).toEqual([]);
    });

    it("hides a tenant's connections and schedules from another tenant, and keeps viewers out", async () => {
      const { data: schedule } = await upsertSchedule({ client: acme.client, body: { saga: 'drift-scan', connectionId, cron: '0 3 * * *' } });
      expect((await upsertSchedule({ client: other.client, body: { saga: 'drift-scan', connectionId, cron: '0 3 * * *' } })).response.status).toBe(404);
      expect((await deleteSchedule({ client: other.client, path: { id: schedule!.id } })).response.status).toBe(404);
      expect((await listSchedules({ client: other.client })).data).toEqual([]);
      const viewer = await newUser(stack.baseUrl, acme, 'viewer');
      expect((await upsertSchedule({ client: viewer.client, body: { saga: 'drift-scan', connectionId, cron: '0 3 * * *' } })).response.status).toBe(403);
      expect((await deleteSchedule({ client: acme.client, path: { id: schedule!.id } })).response.status).toBe(204);
    });
  });
});
