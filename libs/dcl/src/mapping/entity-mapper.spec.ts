import type { ActiveMapping } from '@autonomos/repair';
import { mapRecords, toSourceRecords } from './entity-mapper';

const mapping = (fields: ActiveMapping['fields'], version = 1): ActiveMapping => ({ mappingId: 'm1', version, connectionId: 'c1', stream: 'costs', entity: 'CostLineItem', fields });
const field = (source: string, target: string, transform: ActiveMapping['fields'][number]['transform'] = null) => ({ source, target, transform, confidence: 0.9, origin: 'human' as const });
const batch = (columns: string[], ...rows: (string | null)[][]) => ({
  table: 'costs',
  columns: ['_aam_event_id', '_aam_record_key', '_aam_operation', '_aam_schema_version', ...columns],
  rows: rows.map((row, i) => [`e${i}`, row[0], 'upsert', 'v1', ...row.slice(1)]),
});

describe('mapRecords', () => {
  const costMapping = mapping([field('amount', 'BilledCost'), field('service', 'ServiceName'), field('period', 'ChargePeriodStart')]);

  it('maps source columns to ontology fields, money kept as exact text', () => {
    const b = batch(['amount', 'service', 'period'], ['k1', '51130.46', 'AmazonEC2', '2025-06-01']);
    const outcome = mapRecords(costMapping, toSourceRecords(b, '7'), b.columns);
    expect(outcome.mapped).toEqual([{ recordKey: 'k1', entrySeq: '7', eventId: 'e0', fields: { BilledCost: '51130.46', ServiceName: 'AmazonEC2', ChargePeriodStart: '2025-06-01' } }]);
    expect(outcome.pending).toEqual([]);
  });

  it('keeps the last event of a record key in a batch', () => {
    const b = batch(['amount', 'service', 'period'], ['k1', '1', 'A', '2025-06-01'], ['k1', '2', 'A', '2025-06-01']);
    expect(mapRecords(costMapping, toSourceRecords(b, '1'), b.columns).mapped.map((r) => r.fields.BilledCost)).toEqual(['2']);
  });

  it('holds records back, never guessing: no mapping, a drifted source, a value that does not convert', () => {
    const b = batch(['amount', 'service', 'period'], ['k1', '$1,234.50', 'A', '2025-06-01']);
    expect(mapRecords(null, toSourceRecords(b, '1'), b.columns).pending[0]).toMatchObject({ reason: 'no_mapping' });
    expect(mapRecords(costMapping, toSourceRecords(b, '1'), b.columns).pending[0]).toMatchObject({ reason: 'invalid_value', detail: expect.stringContaining('BilledCost') });
    const drifted = batch(['cost_usd', 'service', 'period'], ['k1', '1.00', 'A', '2025-06-01']);
    expect(mapRecords(costMapping, toSourceRecords(drifted, '1'), drifted.columns).pending[0]).toMatchObject({ reason: 'mapping_mismatch', detail: expect.stringContaining('amount') });
  });

  it('applies the field transform: the repaired mapping converts the drifted money text', () => {
    const repaired = mapping([field('cost_usd', 'BilledCost', { kind: 'money_to_decimal' })], 2);
    const b = batch(['cost_usd'], ['k1', '$51,130.46']);
    expect(mapRecords(repaired, toSourceRecords(b, '1'), b.columns).mapped[0].fields).toEqual({ BilledCost: '51130.46' });
  });

  it('passes deletes through whatever the mapping', () => {
    const b = { ...batch(['amount'], ['k1', null]), rows: [['e0', 'k1', 'delete', 'v1', null]] };
    const outcome = mapRecords(null, toSourceRecords(b, '3'), b.columns);
    expect(outcome.deleted).toMatchObject([{ recordKey: 'k1', entrySeq: '3' }]);
    expect(outcome.pending).toEqual([]);
  });
});
