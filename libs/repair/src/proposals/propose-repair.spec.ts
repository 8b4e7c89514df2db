import { CsvFileReader, diffSchemas, inferSchema, mergeSchemas, StreamSchema } from '@autonomos/aam';
import { sharedPath } from '@autonomos/testing';
import { createReadStream } from 'node:fs';
import { proposeRepair } from './propose-repair';
import { RepairProposal } from './repair-proposal';

async function schemaOfCsv(file: string): Promise<StreamSchema> {
  const reader = new CsvFileReader(createReadStream(sharedPath('data', 'filesource', file)), { batchSize: 100 });
  let schema = inferSchema([]);
  for await (const batch of reader) schema = mergeSchemas(schema, inferSchema(batch.records.map((r) => r.values)));
  return mergeSchemas(inferSchema([], reader.summary().header), schema);
}

// How cost_reports.csv was mapped before the drift.
const MAPPING = {
  period_start: 'BillingPeriodStart',
  period_end: 'BillingPeriodEnd',
  service: 'ServiceName',
  account_id: 'SubAccountId',
  amount: 'BilledCost',
  currency: 'BillingCurrency',
};

describe('proposeRepair on the drifted cost report', () => {
  let proposals: RepairProposal[];
  let after: StreamSchema;
  const find = (action: string, column: string) => proposals.find((p) => p.action === action && p.column === column);

  beforeAll(async () => {
    const before = await schemaOfCsv('cost_reports.csv');
    after = await schemaOfCsv('cost_reports_drifted.csv');
    proposals = await proposeRepair({ diff: diffSchemas(before, after), schema: after, entity: 'CostLineItem', mapping: MAPPING });
  });

  it('maps each renamed column where its old column went, confidently', () => {
    const maps = proposals.filter((p) => p.change.kind === 'column_renamed').map((p) => [p.action, p.column, p.target]);
    expect(maps).toEqual([
      ['map', 'billing_period_start', 'BillingPeriodStart'],
      ['map', 'billing_period_end', 'BillingPeriodEnd'],
      ['map', 'service_name', 'ServiceName'],
      ['map', 'cost_usd', 'BilledCost'],
    ]);
    for (const p of proposals.filter((p) => p.change.kind === 'column_renamed')) {
      expect(p.confidence).toBeGreaterThanOrEqual(p.evidence.rename!.confidence);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('converts the money text of cost_usd to a decimal, with a correct preview', () => {
    const money = find('transform', 'cost_usd')!;
    expect(money).toMatchObject({ target: 'BilledCost', transform: { spec: { kind: 'money_to_decimal' }, failed: 0 } });
    const samples = after.columns.find((c) => c.name === 'cost_usd')!.profile.samples;
    expect(money.transform!.preview).toHaveLength(samples.length);
    expect(money.transform!.preview.slice(0, 2)).toEqual([
      { before: '$51,130.46', after: '51130.46' },
      { before: '$89,609.52', after: '89609.52' },
    ]);
    for (const row of money.transform!.preview) expect(row.after).toBe(row.before.replace(/[$,]/g, ''));
    expect(money.confidence).toBeGreaterThan(0.5);
    expect(money.confidence).toBeLessThan(1);
  });

  it('unmaps the removed account_id, noting its required field is now unfed', () => {
    expect(find('unmap', 'account_id')).toMatchObject({ target: 'SubAccountId', confidence: 1 });
    expect(find('unmap', 'account_id')!.evidence.reasons.join(' ')).toContain('SubAccountId is required');
  });

  it('proposes for the added discount column with evidence, never a field still in use', () => {
    const discount = proposals.find((p) => p.column === 'discount')!;
    expect(['map', 'leave_unmapped']).toContain(discount.action);
    expect(Object.values(MAPPING).filter((f) => f !== 'SubAccountId')).not.toContain(discount.target);
    expect(discount.evidence.candidates!.length).toBeGreaterThan(0);
  });

  it('gives every proposal a confidence in [0,1]', () => {
    expect(proposals).toHaveLength(4 + 1 + 1 + 1);
    for (const p of proposals) expect(p.confidence).toBeGreaterThanOrEqual(0);
    for (const p of proposals) expect(p.confidence).toBeLessThanOrEqual(1);
  });
});

describe('proposeRepair', () => {
  it('leaves an added column unmapped when nothing fits, and asks for review when no transform is safe', async () => {
    const before = inferSchema([{ amount: '1.5' }]);
    const after = inferSchema([{ amount: 'n/a' }, { amount: 'unknown' }, { zzq: 'qqq' }]);
    const proposals = await proposeRepair({ diff: diffSchemas(before, after), schema: after, entity: 'CostLineItem', mapping: { amount: 'BilledCost' } });
    expect(proposals.map((p) => [p.action, p.column])).toEqual([
      ['leave_unmapped', 'zzq'],
      ['review', 'amount'],
    ]);
  });

  it('refuses an unknown entity', async () => {
    const schema = inferSchema([{ a: '1' }]);
    await expect(proposeRepair({ diff: diffSchemas(schema, schema), schema, entity: 'Nope', mapping: {} })).rejects.toThrow('Unknown ontology entity "Nope"');
  });
});
