import { buildEventFromCsvRecord, CsvEventContext } from './canonical-event.builder';
import { CanonicalErrorCode } from './canonical.errors';
import { dclStreamKey, toDclTablePayload } from './dcl-table.mapper';

const context: CsvEventContext = {
  tenantId: '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b',
  connectionId: 'conn-costs',
  stream: 'cost_reports',
  schemaVersion: 'a'.repeat(64),
  fileChecksum: 'b'.repeat(64),
  keyColumns: ['report_id'],
};

describe('toDclTablePayload', () => {
  it('lays events out as a table: envelope columns, then payload columns in source order', () => {
    const a = buildEventFromCsvRecord(context, { line: 2, row: 1, values: { report_id: 'CR-1', amount: '0.1' } });
    const b = buildEventFromCsvRecord(context, { line: 3, row: 2, values: { report_id: 'CR-2', amount: '0.2', discount: '0.30' } });
    expect(toDclTablePayload([a, b])).toEqual({
      table: 'cost_reports',
      columns: ['_aam_event_id', '_aam_record_key', '_aam_operation', '_aam_schema_version', 'report_id', 'amount', 'discount'],
      rows: [
        [a.eventId, 'CR-1', 'upsert', 'a'.repeat(64), 'CR-1', '0.1', null],
        [b.eventId, 'CR-2', 'upsert', 'a'.repeat(64), 'CR-2', '0.2', '0.30'],
      ],
    });
  });

  it('survives JSON serialisation with decimals intact', () => {
    const event = buildEventFromCsvRecord(context, { line: 2, row: 1, values: { report_id: 'CR-1', amount: '0.30000000000000004' } });
    const sent = JSON.parse(JSON.stringify(toDclTablePayload([event])));
    expect(sent.rows[0][5]).toBe('0.30000000000000004');
  });

  it('refuses an empty batch and a batch mixing streams', () => {
    expect(() => toDclTablePayload([])).toThrow(expect.objectContaining({ code: CanonicalErrorCode.EmptyBatch }));
    const a = buildEventFromCsvRecord(context, { line: 2, row: 1, values: { report_id: 'CR-1' } });
    const b = buildEventFromCsvRecord({ ...context, stream: 'invoices' }, { line: 2, row: 1, values: { report_id: 'CR-1' } });
    expect(() => toDclTablePayload([a, b])).toThrow(expect.objectContaining({ code: CanonicalErrorCode.MixedBatch }));
  });

  it('refuses a payload column that collides with the envelope columns', () => {
    const event = buildEventFromCsvRecord(context, { line: 2, row: 1, values: { report_id: 'CR-1', _aam_operation: 'x' } });
    expect(() => toDclTablePayload([event])).toThrow(expect.objectContaining({ code: CanonicalErrorCode.ReservedColumn }));
  });
});

describe('dclStreamKey', () => {
  it('names the tenant and source', () => {
    expect(dclStreamKey('6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b', 'filesource')).toBe('aam:dcl:6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b:filesource');
  });
});
