import { ContractViolation } from '../schema/schema.contract';
import { buildCanonicalEvent, buildEventFromCsvRecord, CsvEventContext } from './canonical-event.builder';
import { validateCanonicalEvent } from './canonical-event.validator';

const context: CsvEventContext = {
  tenantId: '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b',
  connectionId: 'conn-costs',
  stream: 'cost_reports',
  schemaVersion: 'a'.repeat(64),
  fileChecksum: 'b'.repeat(64),
  keyColumns: ['report_id'],
  ingestedAt: new Date('2025-11-26T08:00:00.000Z'),
};
const record = { line: 2, row: 1, values: { report_id: 'CR-2025-001', amount: '51130.46', note: '' } };

describe('buildEventFromCsvRecord', () => {
  it('builds a valid envelope with the row position, file checksum and content hash', () => {
    const event = buildEventFromCsvRecord(context, record);
    expect(event).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      tenantId: context.tenantId,
      connectionId: 'conn-costs',
      sourceKind: 'filesource',
      stream: 'cost_reports',
      recordKey: 'CR-2025-001',
      operation: 'upsert',
      payload: { report_id: 'CR-2025-001', amount: '51130.46', note: null },
      schemaVersion: 'a'.repeat(64),
      ingestedAt: '2025-11-26T08:00:00.000Z',
      metadata: { rowNumber: 1, line: 2, fileChecksum: 'b'.repeat(64), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), qualityFlags: [] },
    });
    expect(validateCanonicalEvent(event)).toEqual([]);
  });

  it('gives the same id when the same sync runs again later', () => {
    const first = buildEventFromCsvRecord(context, record);
    const rerun = buildEventFromCsvRecord({ ...context, ingestedAt: new Date('2025-12-01T00:00:00Z') }, { ...record, line: 9 });
    expect(rerun.eventId).toBe(first.eventId);
  });

  it.each([
    ['another tenant', { ...context, tenantId: '00000000-0000-4000-8000-000000000000' }, record],
    ['another connection', { ...context, connectionId: 'conn-other' }, record],
    ['another stream', { ...context, stream: 'invoices' }, record],
    ['other content', context, { ...record, values: { ...record.values, amount: '51130.47' } }],
  ])('gives a different id for %s', (_, otherContext, otherRecord) => {
    expect(buildEventFromCsvRecord(otherContext, otherRecord).eventId).not.toBe(buildEventFromCsvRecord(context, record).eventId);
  });

  it('keeps decimal and money text exactly as written, never as floats', () => {
    const values = { report_id: 'CR-1', a: '0.1', b: '0.2', c: '12345678901234567890.123456789', d: '$1,234.50', e: '1e-7' };
    const event = buildEventFromCsvRecord(context, { line: 2, row: 1, values });
    expect(event.payload).toEqual(values);
    expect(JSON.parse(JSON.stringify(event)).payload.c).toBe('12345678901234567890.123456789');
  });

  it('keys a record by a JSON array of several key columns', () => {
    const event = buildEventFromCsvRecord({ ...context, keyColumns: ['report_id', 'amount'] }, record);
    expect(event.recordKey).toBe('["CR-2025-001","51130.46"]');
  });

  it('keys a record by its row when there are no key columns, so identical rows stay two records', () => {
    const noKeys = { ...context, keyColumns: undefined };
    const a = buildEventFromCsvRecord(noKeys, { line: 2, row: 1, values: { x: '1' } });
    const b = buildEventFromCsvRecord(noKeys, { line: 3, row: 2, values: { x: '1' } });
    expect([a.recordKey, b.recordKey]).toEqual(['row:1', 'row:2']);
    expect(a.eventId).not.toBe(b.eventId);
  });

  it('flags an empty key value and falls back to the row number', () => {
    const event = buildEventFromCsvRecord(context, { line: 4, row: 3, values: { report_id: '', amount: '1' } });
    expect(event.recordKey).toBe('row:3');
    expect(event.metadata.qualityFlags).toEqual([
      { code: 'missing_key_value', column: 'report_id', detail: 'key column "report_id" is empty; keyed by row 3' },
    ]);
  });

  it('turns discarded values into data-quality flags', () => {
    const discarded: ContractViolation[] = [
      { column: 'amount', kind: 'type_mismatch', value: 'n/a', expected: 'decimal', found: 'string', mode: 'discard_value', message: 'column "amount" expects decimal' },
    ];
    const event = buildEventFromCsvRecord(context, { line: 2, row: 1, values: { report_id: 'CR-1', amount: null } }, discarded);
    expect(event.payload.amount).toBeNull();
    expect(event.metadata.qualityFlags).toEqual([{ code: 'value_discarded', column: 'amount', detail: 'column "amount" expects decimal' }]);
  });
});

describe('buildCanonicalEvent', () => {
  it('ignores payload key order in the id', () => {
    const base = { tenantId: context.tenantId, connectionId: 'c', sourceKind: 'salesforce', stream: 'Account', recordKey: '001', schemaVersion: 'a'.repeat(64) };
    const a = buildCanonicalEvent({ ...base, payload: { Name: 'Acme', Industry: 'Tech' } });
    const b = buildCanonicalEvent({ ...base, payload: { Industry: 'Tech', Name: 'Acme' } });
    expect(a.eventId).toBe(b.eventId);
    expect(buildCanonicalEvent({ ...base, operation: 'delete', payload: { Name: 'Acme', Industry: 'Tech' } }).eventId).not.toBe(a.eventId);
  });
});
