import { v5 as uuidv5 } from 'uuid';
import { buildEventFromCsvRecord, canonicalEventId, canonicalEventIdFromName, CsvEventContext } from './canonical-event.builder';
import { CanonicalErrorCode } from './canonical.errors';
import { toDclTablePayload } from './dcl-table.mapper';
import { AuditEventRow, toAuditEventView } from '../aam.views';
import { CanonicalEvent } from './canonical-event';
import { EncoderInput, EventBatchEncoder, RECORD_COLUMNS } from './event-batch.encoder';

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
  // What the audit trail stores of each event is enough to rebuild it (payload in key order, metadata).
  const lines = encoded.copyText().join('').split(/(?<=\n)/);
  const stored = encoded.segments.flatMap((s) => lines.slice(s.start, s.end).map((line) => toAuditEventView(storedRow(ctx, s.batchId, s.columns, line))));
  expect(stored.map(withPayloadOrder)).toEqual(events.map(({ tenantId, connectionId, sourceKind, ...view }) => withPayloadOrder(view)));
  expect(encoded.segments.map((s) => [s.start, s.end])).toEqual(segmentsOf(events));
  expect(encoded.dclPayload()?.join('')).toBe(JSON.stringify(toDclTablePayload(events)));
  // Not a divisor of the chunk size: a selection that restarted counting at each chunk would differ.
  const keep = (i: number) => i % 3 === 1;
  if (events.length > 1) {
    expect(encoded.dclPayload(keep)?.join('')).toBe(JSON.stringify(toDclTablePayload(events.filter((_, i) => keep(i)))));
    expect(encoded.copyText(keep).join('')).toBe(lines.filter((_, i) => keep(i)).join(''));
  }
  expect(encoded.first).toEqual(events[0]);
}

/** Parses a COPY line back into the row the events API reads, checking the batch fields it carries. */
function storedRow(ctx: typeof context, batchId: string, columns: string[], line: string): AuditEventRow {
  expect(line.endsWith('\n')).toBe(true);
  const fields = line.slice(0, -1).split('\t').map((f) => (f === '\\N' ? null : unescapeCopy(f)));
  expect(fields).toHaveLength(RECORD_COLUMNS.length);
  const [tenantId, batch, , eventId, rowNumber, lineNumber, recordKey, operation, values, flags] = fields;
  expect([tenantId, batch]).toEqual([ctx.tenantId, batchId]);
  return {
    eventId: eventId!,
    recordKey: recordKey!,
    operation: operation!,
    rowNumber: Number(rowNumber),
    line: Number(lineNumber),
    fieldValues: JSON.parse(values!),
    qualityFlags: flags === null ? null : JSON.parse(flags),
    stream: ctx.stream,
    schemaVersion: ctx.schemaVersion,
    columns,
    fileChecksum: ctx.fileChecksum ?? null,
    ingestedAt: ctx.ingestedAt!,
  };
}

/** Payload as entries, so the comparison checks key order too. */
const withPayloadOrder = <T extends { payload: Record<string, string | null> }>(e: T) => ({ ...e, payload: Object.entries(e.payload) });

/** Runs of events with the same payload keys. */
function segmentsOf(events: CanonicalEvent[]): number[][] {
  const runs: number[][] = [];
  events.forEach((e, i) => {
    const run = runs.at(-1);
    if (run && Object.keys(events[run[0]].payload).join('\0') === Object.keys(e.payload).join('\0')) run[1] = i + 1;
    else runs.push([i, i + 1]);
  });
  return runs;
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

  it('encodes batches larger than a chunk, and selects the new events across chunks', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ line: i + 2, row: i + 1, values: { report_id: `CR-${i}`, amount: String(i / 8), note: i % 7 === 0 ? 'tab\there' : '' } }));
    expectSameAsBuilder(context, many);
    expectSameAsBuilder(context, [...many, { line: 300, row: 300, values: { report_id: 'CR-x', extra: 'y' } }]);
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
    expect(encoded).toMatchObject({ ids: [], segments: [], first: undefined });
    expect(encoded.copyText()).toEqual([]);
    expect(encoded.dclPayload()).toBeUndefined();
  });
});
