import { buildEventFromCsvRecord } from './canonical-event.builder';
import { validateCanonicalEvent } from './canonical-event.validator';

const valid = buildEventFromCsvRecord(
  {
    tenantId: '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b',
    connectionId: 'conn-costs',
    stream: 'cost_reports',
    schemaVersion: 'a'.repeat(64),
    fileChecksum: 'b'.repeat(64),
    keyColumns: ['report_id'],
    ingestedAt: new Date('2025-11-26T08:00:00.000Z'),
  },
  { line: 2, row: 1, values: { report_id: 'CR-1', amount: '0.1' } },
);

describe('validateCanonicalEvent', () => {
  it('accepts a built event', () => {
    expect(validateCanonicalEvent(valid)).toEqual([]);
  });

  it('refuses a number in the payload, naming the field', () => {
    const event = { ...valid, payload: { ...valid.payload, amount: 0.1 } };
    expect(validateCanonicalEvent(event)).toEqual([
      { field: 'payload.amount', message: 'must be text, not a number: decimals and money lose precision as JS floats' },
    ]);
  });

  it.each([
    ['tenantId', { tenantId: 'acme' }, 'must be a UUID'],
    ['connectionId', { connectionId: '' }, 'must be a non-empty string'],
    ['recordKey', { recordKey: '' }, 'must be a non-empty string'],
    ['sourceKind', { sourceKind: 'File Source' }, 'must be a lower-case connector kind such as filesource'],
    ['operation', { operation: 'insert' }, 'must be upsert or delete'],
    ['schemaVersion', { schemaVersion: 'v1' }, 'must be a schema fingerprint (SHA-256 hex)'],
    ['ingestedAt', { ingestedAt: 'yesterday' }, 'must be an ISO 8601 timestamp with a time zone'],
    ['payload', { payload: null }, 'must be an object'],
    ['metadata', { metadata: 'row 1' }, 'must be an object'],
    ['eventId', { eventId: 'e-1' }, 'must be a UUID'],
  ])('refuses a bad %s', (field, change, message) => {
    expect(validateCanonicalEvent({ ...valid, ...change })).toContainEqual({ field, message });
  });

  it('refuses an event whose payload was altered after it was built', () => {
    const tampered = { ...valid, payload: { ...valid.payload, amount: '0.2' } };
    expect(validateCanonicalEvent(tampered)).toEqual([{ field: 'metadata.contentHash', message: 'does not match the payload' }]);
  });

  it('refuses an event whose id does not match its content', () => {
    const moved = { ...valid, stream: 'invoices' };
    expect(validateCanonicalEvent(moved)).toEqual([{ field: 'eventId', message: 'does not match the event content' }]);
  });

  it('refuses something that is not an object', () => {
    expect(validateCanonicalEvent('event')).toEqual([{ field: '', message: 'must be an object' }]);
  });
});
