import { getDclGraph, getFinopsSummary, getLineage, getRevopsSummary, getViewRows, listEntityRows, listPendingRecords, listViews, refreshView } from '@autonomos/sdk';
import { SAMPLE_MAPPINGS, sharedPath } from '@autonomos/testing';
import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import { allRows, fileConnection, refresh, setMapping, upload } from './support/dcl-fixtures';
import { newTenant, TenantFixture } from './support/factories';
import { expectEventually, Stack, startStack } from './support/stack';

const sample = (...parts: string[]) => sharedPath('data', ...parts);
const readCsv = (path: string): Record<string, string>[] => parse(readFileSync(path), { columns: true, skip_empty_lines: true });
const month = (date: string) => date.slice(0, 7);

/** Billed cost per "month|service", computed from the input files with exact decimals. */
function expectedCostByServiceMonth(): Map<string, Decimal> {
  const totals = new Map<string, Decimal>();
  const add = (key: string, amount: string) => totals.set(key, (totals.get(key) ?? new Decimal(0)).plus(amount));
  for (const r of readCsv(sample('filesource', 'cost_reports.csv'))) add(`${month(r.period_start)}|${r.service}`, r.amount);
  for (const r of readCsv(sample('finops', 'aws_cur_2025-09.csv'))) add(`${month(r['lineItem/UsageStartDate'])}|${r['lineItem/ProductCode']}`, r['lineItem/UnblendedCost']);
  return totals;
}

const FINOPS_VIEWS = ['cost_by_service_month', 'resources_with_cost', 'cost_anomalies'];

describe('DCL: entity mapping, DuckDB views, API, lineage, pilots (e2e)', () => {
  let stack: Stack;
  let acme: TenantFixture;
  let other: TenantFixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    acme = await newTenant(stack.baseUrl, 'Acme');
    other = await newTenant(stack.baseUrl, 'Other');
  });
  afterAll(() => stack.close());

  const entityCount = async (entity: string, client = acme.client) => {
    let count = 0;
    let cursor: string | undefined;
    do {
      const { data } = await listEntityRows({ client, path: { entity }, query: { limit: 1000, ...(cursor ? { cursor } : {}) } });
      count += data!.items.length;
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    return count;
  };
  const pending = async () => (await listPendingRecords({ client: acme.client })).data!;

  it('holds unmapped records back, maps them once a mapping is applied, and the FinOps views match totals computed from the files to the cent', async () => {
    const costs = await fileConnection(acme.client, 'cost reports', 'report_id');
    ids.costs = costs.id;
    expect(await upload(acme.client, costs.id, sample('filesource', 'cost_reports.csv'))).toBe('cost_reports');
    // No mapping yet: the records wait instead of being guessed.
    await expectEventually(async () => ((await pending()).find((p) => p.connectionId === costs.id)?.records === 5 ? true : undefined));
    expect((await pending())[0]).toMatchObject({ stream: 'cost_reports', reason: 'no_mapping' });
    expect(await entityCount('CostLineItem')).toBe(0);

    await setMapping(stack.api, acme, costs.id, 'cost_reports', 'CostLineItem', SAMPLE_MAPPINGS.costReports);
    const cur = await fileConnection(acme.client, 'aws cur', 'identity/LineItemId');
    ids.cur = cur.id;
    const curStream = await upload(acme.client, cur.id, sample('finops', 'aws_cur_2025-09.csv'));
    await setMapping(stack.api, acme, cur.id, curStream, 'CostLineItem', SAMPLE_MAPPINGS.awsCur);
    const inventory = await fileConnection(acme.client, 'inventory', 'resource_id');
    const inventoryStream = await upload(acme.client, inventory.id, sample('filesource', 'aws_resources.csv'));
    await setMapping(stack.api, acme, inventory.id, inventoryStream, 'CloudResource', SAMPLE_MAPPINGS.awsResources);

    await expectEventually(async () => ((await entityCount('CostLineItem')) === 245 && (await entityCount('CloudResource')) === 10 ? true : undefined), 30_000);
    expect(await pending()).toEqual([]);

    for (const view of FINOPS_VIEWS) expect((await refresh(acme.client, view)).result).toMatchObject({ views: [{ view, status: 'refreshed' }] });
    const byServiceMonth = await allRows(acme.client, 'cost_by_service_month');
    const expected = expectedCostByServiceMonth();
    expect(byServiceMonth).toHaveLength(expected.size);
    for (const row of byServiceMonth) {
      const total = expected.get(`${row.month}|${row.service_name}`);
      expect(total).toBeDefined();
      expect(new Decimal(row.billed_cost as string).equals(total!)).toBe(true);
    }

    // Month-over-month jumps of 50% or more, computed independently.
    const series = new Map<string, [string, Decimal][]>();
    for (const [key, total] of expected) {
      const [m, service] = key.split('|');
      series.set(service, [...(series.get(service) ?? []), [m, total] as [string, Decimal]].sort(([a], [b]) => a.localeCompare(b)));
    }
    const jumps = [...series].flatMap(([service, points]) => points.slice(1).filter(([, c], i) => c.gte(points[i][1].times(1.5))).map(([m]) => `${service}|${m}`));
    expect((await allRows(acme.client, 'cost_anomalies')).map((r) => `${r.service_name}|${r.month}`).sort()).toEqual(jumps.sort());

    const resources = await allRows(acme.client, 'resources_with_cost');
    expect(resources.filter((r) => r.in_inventory)).toHaveLength(10);
    const curByResource = new Map<string, Decimal>();
    for (const r of readCsv(sample('finops', 'aws_cur_2025-09.csv'))) curByResource.set(r['lineItem/ResourceId'], (curByResource.get(r['lineItem/ResourceId']) ?? new Decimal(0)).plus(r['lineItem/UnblendedCost']));
    for (const [resource, total] of curByResource) expect(new Decimal(resources.find((r) => r.resource_id === resource)!.billed_cost as string).equals(total)).toBe(true);

    // Refreshing again with nothing new keeps the rows (incremental); full recomputes to the same.
    expect((await refresh(acme.client, 'cost_by_service_month')).result).toMatchObject({ views: [{ status: 'unchanged', rows: expected.size }] });
    expect((await refresh(acme.client, 'cost_by_service_month', true)).result).toMatchObject({ views: [{ status: 'refreshed', rows: expected.size }] });
  });

  it('serves rows with filters, sort, cursor pagination and streamed CSV; bad input is a 4xx', async () => {
    const ec2 = await getViewRows({ client: acme.client, path: { name: 'cost_by_service_month' }, query: { filter: ['service_name:eq:AmazonEC2'] } });
    expect(ec2.data!.items.length).toBeGreaterThan(0);
    expect(ec2.data!.items.every((r) => r.service_name === 'AmazonEC2')).toBe(true);
    const sorted = await allSorted('billed_cost', 'desc');
    const amounts = sorted.map((r) => new Decimal(r.billed_cost as string));
    expect(amounts.every((a, i) => i === 0 || amounts[i - 1].gte(a))).toBe(true);
    expect(sorted).toHaveLength((await allRows(acme.client, 'cost_by_service_month')).length);
    const big = await getViewRows({ client: acme.client, path: { name: 'cost_by_service_month' }, query: { filter: ['billed_cost:gte:25000'] } });
    expect(big.data!.items.every((r) => new Decimal(r.billed_cost as string).gte(25000))).toBe(true);

    const csv = await fetch(`${stack.baseUrl}/dcl/views/cost_by_service_month/rows?format=csv`, { headers: { authorization: `Bearer ${acme.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('month,service_name,currency,billed_cost,effective_cost,line_items');
    expect(lines).toHaveLength(sorted.length + 1);

    const cases: [Record<string, unknown>, number, string][] = [
      [{ filter: ['nope:eq:1'] }, 400, 'invalid_filter'],
      [{ filter: ['billed_cost:gt:abc'] }, 400, 'invalid_filter'],
      [{ filter: ['service_name:like:x'] }, 400, 'invalid_input'],
      [{ cursor: 'garbage' }, 400, 'invalid_cursor'],
      [{ limit: 0 }, 400, 'invalid_input'],
    ];
    for (const [query, status, code] of cases) {
      const { response, error } = await getViewRows({ client: acme.client, path: { name: 'cost_by_service_month' }, query: query as never });
      expect([response.status, (error as { code: string }).code]).toEqual([status, code]);
    }
    expect((await getViewRows({ client: acme.client, path: { name: 'no_such_view' } })).response.status).toBe(404);
    expect((await refreshView({ client: acme.client, path: { name: 'no_such_view' }, body: {} })).response.status).toBe(404);
    expect((await listEntityRows({ client: acme.client, path: { entity: 'Spaceship' } })).response.status).toBe(404);
    expect((await getLineage({ client: acme.client, query: { entity: 'CostLineItem', field: 'Nope' } })).response.status).toBe(400);

    async function allSorted(sort: string, order: 'asc' | 'desc') {
      const rows: Record<string, unknown>[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await getViewRows({ client: acme.client, path: { name: 'cost_by_service_month' }, query: { sort, order, limit: 2, ...(cursor ? { cursor } : {}) } });
        rows.push(...data!.items);
        cursor = data!.nextCursor ?? undefined;
      } while (cursor);
      return rows;
    }
  });

  it('after the drifted cost file and its repaired mapping, the views hold its rows correctly converted', async () => {
    await upload(acme.client, ids.costs, sample('filesource', 'cost_reports_drifted.csv'), 'cost_reports');
    // The v1 mapping reads columns the drifted file no longer has: its records wait.
    await expectEventually(async () => ((await pending()).find((p) => p.connectionId === ids.costs)?.reason === 'mapping_mismatch' ? true : undefined));
    await setMapping(stack.api, acme, ids.costs, 'cost_reports', 'CostLineItem', {
      billing_period_start: 'BillingPeriodStart',
      billing_period_end: 'BillingPeriodEnd',
      service_name: 'ServiceName',
      cost_usd: ['BilledCost', { kind: 'money_to_decimal' }],
      currency: 'BillingCurrency',
    });
    const drifted = readCsv(sample('filesource', 'cost_reports_drifted.csv'));
    await expectEventually(async () => {
      const { data } = await listEntityRows({ client: acme.client, path: { entity: 'CostLineItem' }, query: { connectionId: ids.costs } });
      return data!.items.length === 5 && data!.items.every((r) => r.mappingVersion >= 2) ? data!.items : undefined;
    }).then((rows) => {
      for (const r of drifted) expect(rows.find((row) => row.recordKey === r.report_id)!.fields.BilledCost).toBe(r.cost_usd.replace(/[$,]/g, ''));
    });
    expect(await pending()).toEqual([]);
    await refresh(acme.client, 'cost_by_service_month');
    const rows = await allRows(acme.client, 'cost_by_service_month');
    const expected = expectedCostByServiceMonth();
    for (const r of drifted) expect(new Decimal(rows.find((row) => row.month === month(r.billing_period_start) && row.service_name === r.service_name)!.billed_cost as string).equals(expected.get(`${month(r.billing_period_start)}|${r.service_name}`)!)).toBe(true);
  });

  it('RevOps: HubSpot deals (a CSV routed to revops) give pipeline per stage and win rate computed from the file', async () => {
    const deals = await fileConnection(acme.client, 'hubspot deals', 'hs_object_id', 'revops');
    ids.deals = deals.id;
    const stream = await upload(acme.client, deals.id, sample('revops', 'hubspot_deals.csv'));
    await setMapping(stack.api, acme, deals.id, stream, 'Opportunity', SAMPLE_MAPPINGS.hubspotDeals);
    const source = readCsv(sample('revops', 'hubspot_deals.csv'));
    await expectEventually(async () => ((await entityCount('Opportunity')) === source.length ? true : undefined));
    for (const view of ['pipeline_by_stage', 'win_rate_by_owner', 'accounts_with_open_pipeline', 'stalled_opportunities']) await refresh(acme.client, view);

    const expected = new Map<string, { count: number; amount: Decimal }>();
    for (const d of source) {
      const stage = expected.get(d.dealstage) ?? { count: 0, amount: new Decimal(0) };
      expected.set(d.dealstage, { count: stage.count + 1, amount: stage.amount.plus(d.amount) });
    }
    const pipeline = await allRows(acme.client, 'pipeline_by_stage');
    expect(pipeline.map((r) => [r.stage_name, r.opportunities, r.amount])).toEqual(
      [...expected].sort(([a], [b]) => a.localeCompare(b)).map(([stage, { count, amount }]) => [stage, count, amount.toFixed()]),
    );
    const won = source.filter((d) => d.dealstage === 'closedwon').length;
    const closed = won + source.filter((d) => d.dealstage === 'closedlost').length;
    const { data: summary } = await getRevopsSummary({ client: acme.client });
    expect(summary).toMatchObject({ pilot: 'revops', narrativeSource: 'template', sources: [{ connectionId: deals.id, domain: 'revops' }] });
    expect(summary!.figures).toMatchObject({ winRate: { closed, won } });
    expect(summary!.narrative).toContain(`${won} of ${closed}`);
  });

  it('FinOps pilot summary, lineage of BilledCost naming each connection’s source column, and the graph', async () => {
    const { data: finops } = await getFinopsSummary({ client: acme.client });
    const latest = [...expectedCostByServiceMonth()].filter(([key]) => key.startsWith('2025-10|')).sort(([, a], [, b]) => b.comparedTo(a));
    expect(finops).toMatchObject({ pilot: 'finops', narrativeSource: 'template', figures: { latestMonth: '2025-10' } });
    expect(finops!.sources.map((s) => s.connectionId)).not.toContain(ids.deals);
    expect((finops!.figures as { topCostDrivers: { service: string }[] }).topCostDrivers[0]).toEqual(
      expect.objectContaining({ service: latest[0][0].split('|')[1], billedCost: latest[0][1].toFixed() }),
    );

    const { data: lineage } = await getLineage({ client: acme.client, query: { entity: 'CostLineItem', field: 'BilledCost' } });
    const bySource = Object.fromEntries(lineage!.sources.map((s) => [s.connectionId, s]));
    expect(bySource[ids.costs]).toMatchObject({ sourceColumn: 'cost_usd', transform: { kind: 'money_to_decimal' } });
    expect(bySource[ids.costs].rowsByVersion.every((v) => v.version >= 2)).toBe(true);
    expect(bySource[ids.cur]).toMatchObject({ sourceColumn: 'lineItem/UnblendedCost', version: 1 });
    expect(lineage!.views.map((v) => v.name)).toEqual(expect.arrayContaining(FINOPS_VIEWS));

    const { data: graph } = await getDclGraph({ client: acme.client });
    const nodeIds = new Set(graph!.nodes.map((n) => n.id));
    expect(nodeIds).toContain(`connection:${ids.cur}`);
    expect(nodeIds).toContain('view:cost_by_service_month');
    expect(nodeIds).toContain('pilot:finops');
    const mapping = graph!.edges.find((e) => e.type === 'mapping' && e.source === `source_field:${ids.cur}:aws_cur_2025-09:lineItem/UnblendedCost`);
    expect(mapping).toMatchObject({ target: 'entity_field:CostLineItem.BilledCost', data: { version: 1, confidence: expect.any(Number) } });
    expect(graph!.edges.every((e) => nodeIds.has(e.source) && nodeIds.has(e.target))).toBe(true);
  });

  it('a second tenant sees none of the first tenant’s views, rows, graph or lineage', async () => {
    const views = (await listViews({ client: other.client })).data!;
    expect(views.every((v) => v.rowCount === null)).toBe(true);
    expect((await getViewRows({ client: other.client, path: { name: 'cost_by_service_month' } })).data!.items).toEqual([]);
    expect(await entityCount('CostLineItem', other.client)).toBe(0);
    const graph = (await getDclGraph({ client: other.client })).data!;
    expect(graph.nodes.some((n) => n.type === 'connection' || n.type === 'stream')).toBe(false);
    expect((await getLineage({ client: other.client, query: { entity: 'CostLineItem', field: 'BilledCost' } })).data!.sources).toEqual([]);
    // Its own refresh reads only its own (no) rows.
    expect((await refresh(other.client, 'cost_by_service_month')).result).toMatchObject({ views: [{ rows: 0 }] });
    expect((await getFinopsSummary({ client: other.client })).data!.figures).toMatchObject({ latestMonth: null });
  });
});
