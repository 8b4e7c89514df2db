import { AppConfig } from '@autonomos/platform';
import { createConnection, getAoaStatus, getTask, listTasks, setMapping, setRepairPolicy, startPipelineRun, type Client, type TaskDto } from '@autonomos/sdk';
import { mappingFields, SAMPLE_MAPPINGS, sharedPath } from '@autonomos/testing';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeAod } from './support/fake-aod';
import type { TenantFixture } from './support/factories';
import type { Stack } from './support/stack';

interface RunResult {
  connections: { connectionId: string; taskId: string; status: string; read: number; driftIds: string[] }[];
  failedSyncs: number;
  drifts: number;
  refresh: { taskId: string; status: string };
}

const FIELDS = mappingFields(SAMPLE_MAPPINGS.costReports);

describe('AOA pipeline run and status (e2e)', () => {
  let fake: FakeAod;
  let stack: Stack;
  let acme: TenantFixture;
  let other: TenantFixture;
  let operator: { client: Client };
  let dir: string;
  let connectionId: string;

  const run = async (client: Client): Promise<TaskDto> => {
    const { data, response } = await startPipelineRun({ client, body: {} });
    expect(response.status).toBe(202);
    expect(data).toMatchObject({ type: 'aoa.run', status: 'queued' });
    const { expectEventually } = await import('./support/stack');
    return expectEventually(async () => {
      const task = (await getTask({ client, path: { id: data!.id } })).data!;
      if (task.status === 'failed') throw new Error(`run failed: ${task.error}`);
      return task.status === 'succeeded' ? task : undefined;
    }, 60_000);
  };

  beforeAll(async () => {
    const { startFakeAod } = await import('./support/fake-aod');
    fake = await startFakeAod();
    Object.assign(process.env, { AOD_BASE_URL: fake.url });
    const { startStack } = await import('./support/stack');
    const { newTenant, newUser } = await import('./support/factories');
    stack = await startStack();
    [acme, other] = await Promise.all([newTenant(stack.baseUrl, 'Acme'), newTenant(stack.baseUrl, 'Other')]);
    operator = await newUser(stack.baseUrl, acme, 'operator');

    dir = join(stack.api.get(AppConfig).get('FILESOURCE_ROOT'), acme.tenantId, 'aoa-costs');
    mkdirSync(dir, { recursive: true });
    copyFileSync(sharedPath('data', 'filesource', 'cost_reports.csv'), join(dir, 'cost_reports.csv'));
    const created = await createConnection({ client: acme.client, body: { name: 'costs', kind: 'filesource', config: { path: 'aoa-costs/cost_reports.csv', keyColumns: ['report_id'] } } });
    connectionId = created.data!.id;
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });

  it('syncs every connection, then refreshes the views, as one task with progress; status shows where the tenant stands', async () => {
    const task = await run(operator.client);
    const result = task.result as unknown as RunResult;
    expect(task).toMatchObject({ progress: 100, progressMessage: 'refresh views: 1 of 1 done' });
    expect(result).toMatchObject({ failedSyncs: 0, drifts: 0, connections: [{ connectionId, status: 'succeeded', read: 5, driftIds: [] }], refresh: { status: 'succeeded' } });
    // Its children are ordinary tasks: an aam.sync per connection and one dcl.refresh.
    expect((await getTask({ client: acme.client, path: { id: result.connections[0].taskId } })).data).toMatchObject({ type: 'aam.sync', payload: { connectionId, mode: 'incremental' } });
    expect((await getTask({ client: acme.client, path: { id: result.refresh.taskId } })).data).toMatchObject({ type: 'dcl.refresh' });

    const status = (await getAoaStatus({ client: acme.client })).data!;
    expect(status.connections).toEqual([{ id: connectionId, name: 'costs', kind: 'filesource', lastSync: expect.objectContaining({ taskId: result.connections[0].taskId, status: 'succeeded', read: 5, drifts: 0 }) }]);
    expect(status.lastRun).toMatchObject({ taskId: task.id, status: 'succeeded', progress: 100 });
    expect(status.views.length).toBeGreaterThan(0);
    expect(status.views.every((v) => v.refreshedAt && !v.stale)).toBe(true);
    expect(status.llm).toMatchObject({ enabled: false, detail: 'no_provider', callsToday: 0 });
  });

  it('a drifted source: the run’s sync records the drift, the mapping saga queues its repair, status counts it open', async () => {
    await setRepairPolicy({ client: acme.client, body: { autoApplyThreshold: 1, breakingNeedsReview: true } });
    expect((await setMapping({ client: acme.client, body: { connectionId, stream: 'cost_reports', entity: 'CostLineItem', fields: FIELDS } })).response.status).toBe(200);
    copyFileSync(sharedPath('data', 'filesource', 'cost_reports_drifted.csv'), join(dir, 'cost_reports.csv'));

    const result = (await run(acme.client)).result as unknown as RunResult;
    expect(result.drifts).toBe(1);
    const { expectEventually } = await import('./support/stack');
    const status = await expectEventually(async () => {
      const current = (await getAoaStatus({ client: acme.client })).data!;
      return current.drift.open === 1 ? current : undefined;
    }, 30_000);
    expect(status.connections[0].lastSync).toMatchObject({ drifts: 1 });
    expect(status.reviews.byKind.mapping).toBeGreaterThanOrEqual(1);
  });

  it('refuses a bad mode or unknown fields, queuing nothing', async () => {
    const post = (body: unknown) =>
      fetch(`${stack.baseUrl}/aoa/run`, { method: 'POST', headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const [body, field] of [[{ mode: 'sometimes' }, 'mode'], [{ connections: ['x'] }, 'connections']] as const) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    }
    expect((await listTasks({ client: other.client, query: { type: 'aoa.run' } })).data!.items).toEqual([]);
  });

  it('runs and reports per tenant only', async () => {
    const status = (await getAoaStatus({ client: other.client })).data!;
    expect(status).toMatchObject({ connections: [], lastRun: null, drift: { open: 0 }, reviews: { pending: 0 } });
    expect(status.views.every((v) => v.refreshedAt === null)).toBe(true);
    // A run of a tenant with no connections only refreshes its views.
    const result = (await run(other.client)).result as unknown as RunResult;
    expect(result).toMatchObject({ connections: [], drifts: 0, refresh: { status: 'succeeded' } });
    expect((await listTasks({ client: other.client, query: { type: 'aam.sync' } })).data!.items).toEqual([]);
  });
});
