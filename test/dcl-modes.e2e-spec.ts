import { createConnection, getDclSettings, getTask, listAudit, listEntityRows, listPendingRecords, setDclSettings, startLegacyLoad, syncConnection } from '@autonomos/sdk';
import { SAMPLE_MAPPINGS, sharedPath } from '@autonomos/testing';
import Decimal from 'decimal.js';
import { parse as parseLossless } from 'lossless-json';
import { readFileSync } from 'node:fs';
import { allRows, fileConnection, refresh, setMapping, upload, waitForTask } from './support/dcl-fixtures';
import { FakeSalesforce } from './support/fake-salesforce';
import { newTenant, newUser, TenantFixture } from './support/factories';
import { expectEventually, Stack, startStack } from './support/stack';

const sample = (...parts: string[]) => sharedPath('data', ...parts);

/** A Salesforce sample file's records, numbers kept as written. */
function salesforceRecords(file: string): Record<string, string | boolean | null>[] {
  const { records } = parseLossless(readFileSync(sample('revops', file), 'utf8')) as { records: Record<string, unknown>[] };
  return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' || v === null ? v : String(v)])));
}

describe('DCL modes (aam streams vs legacy direct reads) and RevOps from Salesforce (e2e)', () => {
  let stack: Stack;
  let salesforce: FakeSalesforce;
  let streams: TenantFixture;
  let legacy: TenantFixture;

  beforeAll(async () => {
    stack = await startStack();
    salesforce = await FakeSalesforce.start({ pageSize: 7 });
    streams = await newTenant(stack.baseUrl, 'Streams');
    legacy = await newTenant(stack.baseUrl, 'Legacy');
  });
  afterAll(async () => {
    await salesforce?.close();
    await stack?.close();
  });

  const entityCount = async (tenant: TenantFixture, entity: string) => {
    const { data } = await listEntityRows({ client: tenant.client, path: { entity }, query: { limit: 1000 } });
    return data!.items.length;
  };
  const legacyLoad = async (tenant: TenantFixture, connectionId: string) => {
    const { data, error } = await startLegacyLoad({ client: tenant.client, body: { connectionId } });
    if (!data) throw new Error(JSON.stringify(error));
    return waitForTask(tenant.client, data.id);
  };
  /** The FinOps samples in a tenant: uploaded (synced and published by the AAM) and mapped. */
  const finops = async (tenant: TenantFixture) => {
    const costs = await fileConnection(tenant.client, 'cost reports', 'report_id');
    await upload(tenant.client, costs.id, sample('filesource', 'cost_reports.csv'));
    await setMapping(stack.api, tenant, costs.id, 'cost_reports', 'CostLineItem', SAMPLE_MAPPINGS.costReports);
    const cur = await fileConnection(tenant.client, 'aws cur', 'identity/LineItemId');
    const curStream = await upload(tenant.client, cur.id, sample('finops', 'aws_cur_2025-09.csv'));
    await setMapping(stack.api, tenant, cur.id, curStream, 'CostLineItem', SAMPLE_MAPPINGS.awsCur);
    return [costs.id, cur.id];
  };

  it('GET/PUT /settings/dcl: aam by default, admin only, validated and audited', async () => {
    expect((await getDclSettings({ client: legacy.client })).data).toEqual({ mode: 'aam' });
    const bad = await setDclSettings({ client: legacy.client, body: { mode: 'sideways' as never } });
    expect([bad.response.status, (bad.error as { code: string }).code]).toEqual([400, 'invalid_input']);
    const operator = await newUser(stack.baseUrl, legacy, 'operator');
    expect((await setDclSettings({ client: operator.client, body: { mode: 'legacy' } })).response.status).toBe(403);

    expect((await setDclSettings({ client: legacy.client, body: { mode: 'legacy' } })).data).toEqual({ mode: 'legacy' });
    expect((await getDclSettings({ client: legacy.client })).data).toEqual({ mode: 'legacy' });
    // The other tenant keeps its own mode.
    expect((await getDclSettings({ client: streams.client })).data).toEqual({ mode: 'aam' });
    const { data: audit } = await listAudit({ client: legacy.client, query: { action: 'dcl.settings.updated' } });
    expect(audit!.items).toEqual([expect.objectContaining({ subjectType: 'dcl_settings', before: { mode: 'aam' }, after: { mode: 'legacy' } })]);
  });

  it('the same FinOps samples give identical cost_by_service_month rows in aam mode (streams) and legacy mode (direct reads)', async () => {
    const legacyConnections = await finops(legacy);
    await finops(streams);
    await expectEventually(async () => ((await entityCount(streams, 'CostLineItem')) === 245 ? true : undefined), 30_000);
    // The consumers read the aam tenant's streams, and left the legacy tenant's unread.
    expect(await entityCount(legacy, 'CostLineItem')).toBe(0);
    expect((await listPendingRecords({ client: legacy.client })).data).toEqual([]);
    // A legacy load is refused in aam mode.
    const refused = await startLegacyLoad({ client: streams.client, body: { connectionId: legacyConnections[0] } });
    expect([refused.response.status, (refused.error as { code: string }).code]).toEqual([409, 'dcl_not_legacy_mode']);

    const loads = [];
    for (const id of legacyConnections) loads.push(await legacyLoad(legacy, id));
    expect(loads.map((task) => task.result)).toEqual([
      { connectionId: legacyConnections[0], streams: [{ stream: 'cost_reports', read: 5, mapped: 5, deleted: 0, pending: 0 }] },
      { connectionId: legacyConnections[1], streams: [{ stream: 'aws_cur_2025-09', read: 240, mapped: 240, deleted: 0, pending: 0 }] },
    ]);
    expect(await entityCount(legacy, 'CostLineItem')).toBe(245);
    // Loading again changes nothing.
    await legacyLoad(legacy, legacyConnections[1]);
    expect(await entityCount(legacy, 'CostLineItem')).toBe(245);

    await refresh(streams.client, 'cost_by_service_month');
    await refresh(legacy.client, 'cost_by_service_month');
    const fromStreams = await allRows(streams.client, 'cost_by_service_month');
    expect(fromStreams.length).toBeGreaterThan(0);
    expect(await allRows(legacy.client, 'cost_by_service_month')).toEqual(fromStreams);
  });

  it('RevOps: Salesforce Accounts and Opportunities give pipeline_by_stage and accounts_with_open_pipeline computed from the JSON files, in both modes', async () => {
    const accounts = salesforceRecords('salesforce_accounts.json');
    const opportunities = salesforceRecords('salesforce_opportunities.json');
    const crm = async (tenant: TenantFixture) => {
      const { data, error } = await createConnection({
        client: tenant.client,
        body: {
          name: 'crm',
          kind: 'salesforce',
          config: { loginUrl: salesforce.url, apiVersion: FakeSalesforce.API_VERSION, objects: ['Account', 'Opportunity'] },
          credentials: { refreshToken: salesforce.refreshToken, clientId: salesforce.clientId, clientSecret: salesforce.clientSecret, instanceUrl: salesforce.url },
        },
      });
      if (!data) throw new Error(JSON.stringify(error));
      // The AAM sync records the schemas mappings are checked against (and publishes; legacy leaves that unread).
      const started = await syncConnection({ client: tenant.client, path: { id: data.id }, body: { mode: 'full' } });
      const synced = await expectEventually(async () => {
        const { data: task } = await getTask({ client: tenant.client, path: { id: started.data!.id } });
        return task?.status === 'succeeded' || task?.status === 'failed' ? task : undefined;
      }, 30_000);
      expect(synced).toMatchObject({ status: 'succeeded', result: { written: 80 } });
      await setMapping(stack.api, tenant, data.id, 'Account', 'Account', SAMPLE_MAPPINGS.salesforceAccounts);
      await setMapping(stack.api, tenant, data.id, 'Opportunity', 'Opportunity', SAMPLE_MAPPINGS.salesforceOpportunities);
      return data.id;
    };
    await crm(streams);
    const legacyCrm = await crm(legacy);
    await expectEventually(async () => ((await entityCount(streams, 'Opportunity')) === 60 && (await entityCount(streams, 'Account')) === 20 ? true : undefined), 30_000);
    await legacyLoad(legacy, legacyCrm);
    expect([await entityCount(legacy, 'Opportunity'), await entityCount(legacy, 'Account')]).toEqual([60, 20]);

    // Computed from the files: per stage, and per account with open opportunities.
    const stages = new Map<string, { count: number; amount: Decimal; closed: boolean }>();
    for (const o of opportunities) {
      const stage = stages.get(o.StageName as string) ?? { count: 0, amount: new Decimal(0), closed: true };
      stages.set(o.StageName as string, { count: stage.count + 1, amount: stage.amount.plus(o.Amount as string), closed: stage.closed && o.IsClosed === true });
    }
    const open = new Map<string, { count: number; amount: Decimal; next: string }>();
    for (const o of opportunities.filter((o) => o.IsClosed === false && o.AccountId)) {
      const account = open.get(o.AccountId as string) ?? { count: 0, amount: new Decimal(0), next: '9999-12-31' };
      open.set(o.AccountId as string, { count: account.count + 1, amount: account.amount.plus(o.Amount as string), next: [account.next, o.CloseDate as string].sort()[0] });
    }
    expect(open.size).toBeGreaterThan(0);
    const nameOf = new Map(accounts.map((a) => [a.Id as string, a]));

    for (const tenant of [streams, legacy]) {
      await refresh(tenant.client, 'pipeline_by_stage');
      await refresh(tenant.client, 'accounts_with_open_pipeline');
      const pipeline = await allRows(tenant.client, 'pipeline_by_stage');
      expect(pipeline.map((r) => r.stage_name)).toEqual([...stages.keys()].sort());
      for (const row of pipeline) {
        const stage = stages.get(row.stage_name as string)!;
        expect([row.opportunities, row.is_closed]).toEqual([stage.count, stage.closed]);
        expect(new Decimal(row.amount as string).toFixed(2)).toBe(stage.amount.toFixed(2));
      }
      const withOpen = await allRows(tenant.client, 'accounts_with_open_pipeline');
      expect(withOpen.map((r) => r.account_id).sort()).toEqual([...open.keys()].sort());
      for (const row of withOpen) {
        const account = open.get(row.account_id as string)!;
        expect([row.open_opportunities, row.account_name, row.industry, String(row.next_close_date).slice(0, 10)]).toEqual([
          account.count,
          nameOf.get(row.account_id as string)!.Name,
          nameOf.get(row.account_id as string)!.Industry,
          account.next,
        ]);
        expect(new Decimal(row.open_amount as string).toFixed(2)).toBe(account.amount.toFixed(2));
      }
    }
    expect(await allRows(legacy.client, 'pipeline_by_stage')).toEqual(await allRows(streams.client, 'pipeline_by_stage'));
    expect(await allRows(legacy.client, 'accounts_with_open_pipeline')).toEqual(await allRows(streams.client, 'accounts_with_open_pipeline'));
  });
});
