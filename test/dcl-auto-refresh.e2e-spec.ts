import { listTasks } from '@autonomos/sdk';
import { SAMPLE_MAPPINGS, sharedPath } from '@autonomos/testing';
import type * as Fixtures from './support/dcl-fixtures';
import type { TenantFixture } from './support/factories';
import type { Stack } from './support/stack';

describe('DCL: views refresh themselves after new data (e2e)', () => {
  let stack: Stack;
  let fixtures: typeof Fixtures;
  let expectEventually: typeof import('./support/stack').expectEventually;
  let acme: TenantFixture;
  let quiet: TenantFixture;

  beforeAll(async () => {
    // The config is read when the app module loads: turn the worker's sweep on first.
    process.env.DCL_AUTO_REFRESH_MS = '300';
    const support = await import('./support/stack');
    const { newTenant } = await import('./support/factories');
    fixtures = await import('./support/dcl-fixtures');
    expectEventually = support.expectEventually;
    stack = await support.startStack();
    [acme, quiet] = await Promise.all([newTenant(stack.baseUrl, 'Acme'), newTenant(stack.baseUrl, 'Quiet')]);
  });
  afterAll(() => stack?.close());

  const autoRefreshes = async (tenant: TenantFixture) => (await listTasks({ client: tenant.client, query: { type: 'dcl.refresh', limit: 100 } })).data!.items;

  it('refreshes the views of a tenant whose entity rows changed, once per change, without anyone asking', async () => {
    const costs = await fixtures.fileConnection(acme.client, 'cost reports', 'report_id');
    await fixtures.upload(acme.client, costs.id, sharedPath('data', 'filesource', 'cost_reports.csv'));
    await fixtures.setMapping(stack.api, acme, costs.id, 'cost_reports', 'CostLineItem', SAMPLE_MAPPINGS.costReports);

    // Nobody calls POST /dcl/views/:name/refresh: the worker's sweep does.
    const rows = await expectEventually(async () => {
      const found = await fixtures.allRows(acme.client, 'cost_by_service_month');
      return found.length > 0 ? found : undefined;
    }, 30_000);
    expect(rows).toContainEqual(expect.objectContaining({ month: '2025-06', service_name: 'AmazonEC2' }));
    await expectEventually(async () => ((await autoRefreshes(acme))[0]?.status === 'succeeded' ? true : undefined));

    // Nothing changed since: later sweeps start nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await autoRefreshes(acme)).toHaveLength(1);
    // A tenant without data gets no refresh at all.
    expect(await autoRefreshes(quiet)).toEqual([]);
  });
});
