import { sharedPath } from '@autonomos/testing';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { getEntity } from '@autonomos/ontology';
import { previewTransform, suggestTransform } from '../transforms';
import { entityTargets, withOntologyHints } from './ontology-hints';
import { matchColumns, scoreColumns } from './match-columns';
import { SourceColumn } from './matcher.types';

const DATA = sharedPath('data', 'filesource');

function columnsOf(path: string): SourceColumn[] {
  const [header, ...rows] = parse(readFileSync(path)) as string[][];
  return header.map((name, i) => ({ name, samples: rows.map((r) => r[i]) }));
}

const top1 = (result: Awaited<ReturnType<typeof matchColumns>>, source: string) =>
  result.columns.find((c) => c.source === source)!.candidates[0];

describe('matchColumns on the drifted cost report', () => {
  const drifted = columnsOf(`${DATA}/cost_reports_drifted.csv`);
  const original = columnsOf(`${DATA}/cost_reports.csv`);

  it('finds the renames as first candidates, confidently', async () => {
    const result = await matchColumns(drifted, original);
    expect(top1(result, 'billing_period_start').target).toBe('period_start');
    expect(top1(result, 'service_name').target).toBe('service');
    const cost = top1(result, 'cost_usd');
    expect(cost.target).toBe('amount');
    // Names alone say little here: the values (as amounts) carry the match.
    expect(cost.evidence.valueOverlap).toBe(1);
    expect(cost.evidence.sourceType).toBe('money');
    for (const col of ['billing_period_start', 'service_name', 'cost_usd']) {
      expect(top1(result, col).confidence).toBeGreaterThan(0.8);
    }
  });

  it('proposes money_to_decimal for cost_usd with a correct preview', () => {
    const samples = drifted.find((c) => c.name === 'cost_usd')!.samples!;
    const spec = suggestTransform(samples, 'decimal');
    expect(spec).toEqual({ kind: 'money_to_decimal' });
    const preview = previewTransform(spec!, samples);
    const originalAmounts = original.find((c) => c.name === 'amount')!.samples;
    expect(preview.map((r) => r.after)).toEqual(originalAmounts);
    expect(preview.every((r) => r.error === undefined)).toBe(true);
  });

  it('still finds renamed columns from headers alone, less confidently', async () => {
    const headerOnly = drifted.map(({ name }) => ({ name }));
    const result = await matchColumns(headerOnly, original.map(({ name }) => ({ name })));
    expect(top1(result, 'billing_period_start').target).toBe('period_start');
    expect(top1(result, 'service_name').target).toBe('service');
    expect(top1(result, 'billing_period_start').evidence.valueOverlap).toBeNull();
    const withValues = await matchColumns(drifted, original);
    for (const col of ['billing_period_start', 'service_name', 'cost_usd']) {
      expect(top1(result, col).confidence).toBeGreaterThan(0.5);
      expect(top1(result, col).confidence).toBeLessThan(top1(withValues, col).confidence);
    }
  });
});

describe('matchColumns options', () => {
  const targets = [{ name: 'amount' }, { name: 'account_id' }, { name: 'region' }];

  it('keeps ranked candidates, confidences in [0,1], best first', async () => {
    const { columns } = await matchColumns([{ name: 'acct_amt' }], targets, { top: 2 });
    expect(columns[0].candidates).toHaveLength(2);
    const [a, b] = columns[0].candidates;
    expect(a.confidence).toBeGreaterThanOrEqual(b.confidence);
    for (const c of columns[0].candidates) expect(c.confidence).toBeGreaterThanOrEqual(0);
  });

  it('lets an approved mapping from memory decide an otherwise unclear column', async () => {
    const source = [{ name: 'zz_val' }];
    const without = await matchColumns(source, targets);
    const withMemory = await matchColumns(source, targets, { memory: [{ sourceName: 'zz_val', targetName: 'region', similarity: 0.95 }] });
    expect(without.columns[0].candidates[0].target).not.toBe('region');
    expect(withMemory.columns[0].candidates[0].target).toBe('region');
    expect(withMemory.columns[0].candidates[0].evidence.memory).toBe(0.95);
  });

  it('passes the best candidates to an LLM re-ranker and records its scores', async () => {
    const seen: string[] = [];
    const llm = async (_col: SourceColumn, cands: Array<{ target: { name: string } }>) => {
      seen.push(...cands.map((c) => c.target.name));
      return cands.map((c) => (c.target.name === 'region' ? 1 : 0));
    };
    const { columns } = await matchColumns([{ name: 'amount_value' }], targets, { llm, llmTopK: 3 });
    expect(seen.sort()).toEqual(['account_id', 'amount', 'region']);
    expect(columns[0].candidates.find((c) => c.target === 'region')!.evidence.llm).toBe(1);
  });

  it('leaves scores untouched where the re-ranker has no opinion', async () => {
    const without = await matchColumns([{ name: 'amount_value' }], targets);
    const abstaining = await matchColumns([{ name: 'amount_value' }], targets, { llm: async (_col, cands) => cands.map(() => null) });
    expect(abstaining).toEqual(without);
  });

  it('assigns each target once when the target demands it', async () => {
    const source = [{ name: 'cost' }, { name: 'cost_amount' }];
    const target = [{ name: 'cost' }, { name: 'cost_center' }];
    const free = await matchColumns(source, target);
    expect(free.columns.map((c) => c.candidates[0].target)).toEqual(['cost', 'cost']);
    const oneToOne = await matchColumns(source, target, { oneToOne: true });
    expect(oneToOne.columns.map((c) => c.candidates[0].target)).toEqual(['cost', 'cost_center']);
    expect(oneToOne.columns[0].candidates[0].evidence.assigned).toBe(true);
  });
});

describe('confidence features', () => {
  const targets = [
    { name: 'region', samples: ['eu-west-1', 'us-east-1', 'ap-south-1'] },
    { name: 'region_name' },
    { name: 'region_label' },
    { name: 'amount', samples: ['1', '2', '3'] },
  ];

  it('reads the lead, near ties and value agreement', async () => {
    const [region] = await scoreColumns([{ name: 'region', samples: ['eu-west-1', 'us-east-1'] }, { name: 'zz_q' }], targets);
    const [first, second, third] = region.candidates;
    expect(first.target).toBe('region');
    expect(first.features).toMatchObject({ lexical: 1, rivals: 0, values: 1, valueBest: 1 });
    expect(first.features.gap).toBeCloseTo(first.score - second.score, 10);
    // region_name and region_label sit within a hair of each other, and region above both.
    expect(second.features.rivals).toBeCloseTo(Math.log(3), 10);
    expect(second.features.gap).toBeLessThan(0);
    expect(third.features).toMatchObject({ values: 0, valueBest: 0 });
  });

  it('makes a clear, value-backed match confident and a blind guess not', async () => {
    const { columns } = await matchColumns([{ name: 'region', samples: ['eu-west-1', 'us-east-1'] }, { name: 'zz_q' }], targets);
    expect(columns[0].candidates[0].confidence).toBeGreaterThan(0.9);
    expect(columns[1].candidates[0].confidence).toBeLessThan(0.2);
  });
});

describe('ontology targets', () => {
  it('maps AWS CUR column names onto FOCUS through the ontology synonyms', async () => {
    const source = ['lineItem/UnblendedCost', 'lineItem/UsageStartDate', 'product/region', 'lineItem/CurrencyCode'].map((name) => ({ name }));
    const result = await matchColumns(source, entityTargets(getEntity('CostLineItem')!));
    expect(result.columns.map((c) => c.candidates[0].target)).toEqual(['BilledCost', 'ChargePeriodStart', 'RegionId', 'BillingCurrency']);
  });

  it('adds ontology hints to a target schema made of known fields', () => {
    const hinted = withOntologyHints([{ name: 'BilledCost', type: 'decimal' }, { name: 'RegionId' }, { name: 'SkuId' }, { name: 'other' }]);
    expect(hinted[0].type).toBe('decimal');
    expect(hinted[0].synonyms).toContain('lineItem/UnblendedCost');
    expect(hinted[1].description).toMatch(/region/i);
    expect(hinted[3]).toEqual({ name: 'other' });
    expect(withOntologyHints([{ name: 'foo' }])).toEqual([{ name: 'foo' }]);
  });
});
