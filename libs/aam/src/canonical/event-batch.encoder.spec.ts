import { v5 as uuidv5 } from 'uuid';
import { buildEventFromCsvRecord, canonicalEventId, canonicalEventIdFromName, CsvEventContext } from './canonical-event.builder';
import { CanonicalErrorCode } from './canonical.errors';
import { toDclTablePayload } from './dcl-table.mapper';
import { EncoderInput, EventBatchEncoder } from './event-batch.encoder';

const context: CsvEventContext & { schemaVersion: string } = {
  tenantId: '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b',
  connectionId: '0b8f6a4e-5d1c-4b7a-9e3f-2a1b0c9d8e7f',
  sourceKind: 'filesource',
  stream: 'cost_reports',
  schemaVersion: 'a'.repeat(64),
  fileChecksum: 'b'.repeat(64),
  keyColumns: ['report_id'],
  ingestedAt: new Date('2025-11-26T08:00:00.000Z'),
};

/** COPY text field → value (the inverse of the writer's escaping). */
function unescapeCopy(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c] ?? c);
}

function expectSameAsBuilder(ctx: typeof context, records: EncoderInput[]): void {
  const encoded = new EventBatchEncoder(ctx).encode(records);
  const events = records.map((r) => buildEventFromCsvRecord(ctx, r, r.discarded ?? []));
  expect(encoded.ids).toEqual(events.map((e) => e.eventId));
  const lines = encoded.copyRows.join('').split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.map((line) => line.split('\t').map(unescapeCopy))).toEqual(
    events.map((e) => [e.eventId, e.recordKey, e.operation, JSON.stringify(e.payload), JSON.stringify(e.metadata)]),
  );
  expect(encoded.dclPayload()?.join('')).toBe(JSON.stringify(toDclTablePayload(events)));
  const keep = new Set(events.filter((_, i) => i % 2 === 1).map((e) => e.eventId));
  if (keep.size > 0) expect(encoded.dclPayload((id) => keep.has(id))?.join('')).toBe(JSON.stringify(toDclTablePayload(events.filter((e) => keep.has(e.eventId)))));
  expect(encoded.first).toEqual(events[0]);
}

describe('canonicalEventIdFromName', () => {
  it('gives the uuid package v5 ids, byte for byte (re-syncs of earlier data stay deduplicated)', () => {
    const names = ['', 'a', '["t","c","s","k","upsert","h"]', 'München – São Paulo ✓ 𝄞', 'x'.repeat(5000), '"\\\t\n'];
    for (let i = 0; i < 300; i++) names.push(JSON.stringify([Math.random().toString(36), String.fromCharCode(...Array.from({ length: i % 40 }, (_, j) => 32 + ((i * 31 + j * 7) % 2000)))]));
    for (const name of names) expect(canonicalEventIdFromName(name)).toBe(uuidv5(name, 'c1b7e0a4-5d0e-4f3c-9a57-6a1f2f0e8b3d'));
  });

  it('keeps the id of a known event', () => {
    // Pinned: changing the namespace or the name layout would re-insert every event on re-sync.
    expect(
      canonicalEventId({ tenantId: context.tenantId, connectionId: 'conn', stream: 's', recordKey: 'k', operation: 'upsert', contentHash: 'c'.repeat(64) }),
    ).toBe(uuidv5(JSON.stringify([context.tenantId, 'conn', 's', 'k', 'upsert', 'c'.repeat(64)]), 'c1b7e0a4-5d0e-4f3c-9a57-6a1f2f0e8b3d'));
  });
});

describe('EventBatchEncoder', () => {
  const records: EncoderInput[] = [
    { line: 2, row: 1, values: { report_id: 'CR-2025-001', amount: '51130.46', note: '' } },
    { line: 3, row: 2, values: { report_id: 'CR-2025-002', amount: '$1,234.50', note: 'NULL' } },
    { line: 4, row: 3, values: { report_id: 'CR-"3"', amount: ' 0.1 ', note: 'tab\there\nnew line \\ back\\slash' } },
    { line: 6, row: 4, values: { report_id: 'München', amount: '12345678901234567890.123456789', note: '\u0001 ctrl, lone \ud800 surrogate, 𝄞' } },
    { line: 7, row: 5, values: { report_id: '', amount: 'null', note: '  ' } },
    { line: 8, row: 6, values: { report_id: 'CR-2025-001', amount: '51130.46', note: '' } },
  ];

  it('encodes what the canonical builder builds: ids, COPY rows, DCL payload', () => {
    expectSameAsBuilder(context, records);
  });

  it('handles several key columns, no key columns, and a key column the records lack', () => {
    expectSameAsBuilder({ ...context, keyColumns: ['report_id', 'amount'] }, records);
    expectSameAsBuilder({ ...context, keyColumns: [] }, records);
    expectSameAsBuilder({ ...context, keyColumns: ['missing'] }, records);
    expectSameAsBuilder({ ...context, fileChecksum: undefined, stream: 'tab\tstream "q"' }, records);
  });

  it('falls back to the builder for records of different shapes or with discarded values', () => {
    expectSameAsBuilder(context, [...records, { line: 9, row: 7, values: { report_id: 'CR-9', extra: 'x' } }]);
    expectSameAsBuilder(context, [
      { line: 2, row: 1, values: { report_id: 'CR-1', amount: null }, discarded: [{ column: 'amount', kind: 'type_mismatch', value: 'x', found: 'string', mode: 'discard_value', message: 'm' }] },
    ]);
    // Integer-like names are ordered first by JavaScript: the encoder follows the object's order.
    expectSameAsBuilder({ ...context, keyColumns: ['2025'] }, [{ line: 2, row: 1, values: { b: 'x', '2025': '1', a: null } }]);
  });

  it('refuses a payload column with the reserved _aam_ prefix', () => {
    expect(() => new EventBatchEncoder(context).encode([{ line: 2, row: 1, values: { report_id: 'x', _aam_event_id: 'y' } }])).toThrow(
      expect.objectContaining({ code: CanonicalErrorCode.ReservedColumn }),
    );
  });

  it('encodes an empty batch as nothing', () => {
    const encoded = new EventBatchEncoder(context).encode([]);
    expect(encoded).toMatchObject({ ids: [], copyRows: [], first: undefined });
    expect(encoded.dclPayload()).toBeUndefined();
  });
});
