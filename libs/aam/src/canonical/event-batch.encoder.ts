import { hash, randomUUID } from 'node:crypto';
import { ContractViolation } from '../schema/schema.contract';
import { isNullValue } from '../schema/value.classifier';
import { CanonicalEvent } from './canonical-event';
import { buildEventFromCsvRecord, canonicalEventIdFromName, CsvEventContext, CsvRecordInput } from './canonical-event.builder';
import { CanonicalErrorCode, CanonicalEventError } from './canonical.errors';
import { DCL_META_COLUMNS, toDclTablePayload } from './dcl-table.mapper';

/** A record to encode: position, values, and what a contract discarded from it. */
export interface EncoderInput extends CsvRecordInput {
  discarded?: readonly ContractViolation[];
}

/** Consecutive records whose payloads have the same keys: one row of aam_event_batches. */
export interface EncodedSegment {
  batchId: string;
  /** Payload keys, in payload order: the order of each record's values. */
  columns: string[];
  /** Records [start, end) of the batch. */
  start: number;
  end: number;
}

/**
 * A batch of canonical events, already serialised for the audit trail and the DCL: what the
 * sync writes, without holding one object graph per record.
 */
export interface EncodedBatch {
  /** Event ids, in record order (a repeated record repeats its id). */
  ids: string[];
  segments: EncodedSegment[];
  /**
   * COPY text of aam_event_records (RECORD_COLUMNS), one line per event in record order, of the
   * events `keep` keeps (by index), or of all of them; in chunks. The text is kept as one flat
   * string per CHUNK_ROWS events: a batch lives across many young-generation collections, and
   * each collection copies every object still alive (a line built by `+=` is a tree of them).
   */
  copyText(keep?: (index: number) => boolean): string[];
  /** The first event, fully built by buildEventFromCsvRecord: validated by the caller. */
  first?: CanonicalEvent;
  /** The DCL table payload (JSON, one line, in chunks) of the events `keep` keeps (by index), or of all of them. */
  dclPayload(keep?: (index: number) => boolean): string[] | undefined;
}

/** Columns of the COPY lines of `copyText()`. */
export const RECORD_COLUMNS = ['tenant_id', 'batch_id', 'position', 'event_id', 'row_number', 'line', 'record_key', 'operation', 'field_values', 'quality_flags'] as const;

/** Lines or DCL rows per chunk: few objects per batch, and no batch-sized string (V8's large-object space is collected late). */
const CHUNK_ROWS = 100;

const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** JSON string literal, as JSON.stringify writes it. */
export function jsonString(value: string): string {
  return NEEDS_JSON_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** COPY text format: backslash, tab and line breaks are escaped. */
export function copyText(value: string): string {
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

/** isNullValue without trimming when the value has no surrounding whitespace (nearly always). */
function isNull(value: string | null | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first <= 32 || last <= 32 || first >= 127 || last >= 127) return isNullValue(value);
  return value === 'NULL' || value === 'null';
}

/**
 * Encodes batches of CSV-shaped records into canonical events, byte for byte what
 * buildEventFromCsvRecord + toDclTablePayload give (same ids, content hashes, values and DCL
 * payload), several times faster: the strings of a column layout (quoted names, sort order for
 * the content hash) are computed once, and each record becomes strings directly. Records whose
 * keys differ from the batch's first record, or that carry discarded values, go through
 * buildEventFromCsvRecord itself.
 */
export class EventBatchEncoder {
  private readonly idPrefix: string;
  private readonly schemaVersionJson: string;
  private layout?: Layout;

  constructor(private readonly context: CsvEventContext & { schemaVersion: string }) {
    this.idPrefix = JSON.stringify([context.tenantId, context.connectionId, context.stream]).slice(0, -1) + ',';
    this.schemaVersionJson = JSON.stringify(context.schemaVersion);
  }

  encode(records: readonly EncoderInput[]): EncodedBatch {
    const steps = this.steps(records);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * encode(), pausing (`await pause()`) every `slice` records, so a caller sharing the event
   * loop with I/O (the previous batch's COPY) lets it progress while this batch is encoded.
   */
  async encodeInSlices(records: readonly EncoderInput[], pause: () => Promise<void>, slice = 500): Promise<EncodedBatch> {
    const steps = this.steps(records, slice);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pause();
    }
  }

  private *steps(records: readonly EncoderInput[], slice = Infinity): Generator<void, EncodedBatch> {
    const columns = records.length > 0 ? Object.keys(records[0].values) : [];
    const uniform = records.every((r) => (r.discarded === undefined || r.discarded.length === 0) && hasKeys(r.values, columns));
    if (uniform && this.layoutFor(columns).keyIndexes.every((k) => k >= 0)) return yield* this.encodeUniform(records, columns, slice);
    return encodeEvents(records.map((r) => buildEventFromCsvRecord(this.context, r, r.discarded ?? [])));
  }

  /** Every record has the same keys in the same order: the fast path. */
  private *encodeUniform(records: readonly EncoderInput[], columns: string[], slice: number): Generator<void, EncodedBatch> {
    const layout = this.layoutFor(columns);
    const reserved = columns.find((c) => c.startsWith('_aam_'));
    if (reserved && records.length > 0) throw new CanonicalEventError(CanonicalErrorCode.ReservedColumn, `payload column "${reserved}" uses the reserved _aam_ prefix`);
    const { names, sorted, keyIndexes } = layout;
    const width = columns.length;
    const batchId = randomUUID();
    const ids = new Array<string>(records.length);
    const copyChunks = new Chunks('');
    const dclChunks = new Chunks(',');
    // Reused per record; joined, so every kept string is flat.
    const quoted = new Array<string>(width);
    // The content hash's input, [["name",value],...] in name order: constant pieces between the values.
    const entries = new Array<string>(2 * width + 1);
    for (let i = 0; i < width; i++) entries[2 * i] = (i === 0 ? '[[' : '],[') + names[sorted[i]] + ',';
    entries[2 * width] = width === 0 ? '[]' : ']]';
    const line = new Array<string>(RECORD_COLUMNS.length);
    line[0] = this.context.tenantId;
    line[1] = batchId;
    line[7] = 'upsert';
    const dcl = new Array<string>(4 + width);
    dcl[2] = '"upsert"';
    dcl[3] = width === 0 ? this.schemaVersionJson + ']' : this.schemaVersionJson;

    for (let r = 0; r < records.length; r++) {
      if (r > 0 && r % slice === 0) yield;
      const record = records[r];
      const values = record.values;
      for (let i = 0; i < width; i++) {
        const value = values[columns[i]];
        quoted[i] = isNull(value) ? 'null' : jsonString(value as string);
      }
      for (let i = 0; i < width; i++) entries[2 * i + 1] = quoted[sorted[i]];
      const contentHash = hash('sha256', entries.join(''), 'hex');

      let recordKey: string;
      let flags = '';
      let missing = false;
      for (const k of keyIndexes) {
        if (quoted[k] === 'null') {
          missing = true;
          const column = columns[k];
          flags += (flags === '' ? '' : ',') + JSON.stringify({ code: 'missing_key_value', column, detail: `key column "${column}" is empty; keyed by row ${record.row}` });
        }
      }
      if (keyIndexes.length === 0 || missing) recordKey = `row:${record.row}`;
      else if (keyIndexes.length === 1) recordKey = values[columns[keyIndexes[0]]] as string;
      else recordKey = '[' + keyIndexes.map((k) => quoted[k]).join(',') + ']';

      const recordKeyJson = jsonString(recordKey);
      const id = canonicalEventIdFromName(`${this.idPrefix}${recordKeyJson},"upsert","${contentHash}"]`);
      ids[r] = id;
      const valuesJson = '[' + quoted.join(',') + ']';
      line[2] = String(r);
      line[3] = id;
      line[4] = String(record.row);
      line[5] = String(record.line);
      line[6] = copyText(recordKey);
      line[8] = copyJson(valuesJson);
      line[9] = (flags === '' ? '\\N' : copyJson('[' + flags + ']')) + '\n';
      copyChunks.add(line.join('\t'));
      dcl[0] = '["' + id + '"';
      dcl[1] = recordKeyJson;
      for (let i = 0; i < width; i++) dcl[4 + i] = quoted[i];
      if (width > 0) dcl[3 + width] = quoted[width - 1] + ']';
      dclChunks.add(dcl.join(','));
    }
    copyChunks.flush();
    dclChunks.flush();

    const first = records.length > 0 ? buildEventFromCsvRecord(this.context, records[0]) : undefined;
    if (first && first.eventId !== ids[0]) throw new Error(`event encoder disagrees with the canonical builder on row ${records[0].row}`);
    const segments = records.length > 0 ? [{ batchId, columns, start: 0, end: records.length }] : [];
    const header = `{"table":${JSON.stringify(this.context.stream)},"columns":${JSON.stringify([...DCL_META_COLUMNS, ...columns])},"rows":[`;
    return {
      ids,
      segments,
      copyText: (keep) => (keep ? keptLines(copyChunks.chunks, keep) : copyChunks.chunks),
      first,
      dclPayload: (keep) => {
        // Rows are re-read only when some events were not new (a re-sync): JSON.stringify writes them as the encoder did.
        const rows = keep ? keptRows(dclChunks.chunks, keep) : dclChunks.chunks;
        if (rows.length === 0) return undefined;
        return [...rows.map((row, i) => (i === 0 ? header : ',') + row), ']}'];
      },
    };
  }

  private layoutFor(columns: string[]): Layout {
    if (this.layout && sameList(this.layout.columns, columns)) return this.layout;
    const order = columns.map((_, i) => i).sort((a, b) => (columns[a] < columns[b] ? -1 : columns[a] > columns[b] ? 1 : 0));
    const keyColumns = this.context.keyColumns ?? [];
    // -1 for a key column the records lack: such batches go through the canonical builder.
    const keyIndexes = keyColumns.map((name) => columns.indexOf(name));
    this.layout = { columns, names: columns.map((c) => JSON.stringify(c)), sorted: order, keyIndexes };
    return this.layout;
  }
}

interface Layout {
  columns: string[];
  names: string[];
  sorted: number[];
  keyIndexes: number[];
}

/**
 * Events already built (records of different shapes, replayed records), encoded the slow way:
 * one segment per run of events with the same payload keys. They must share tenant,
 * connection, stream and schema version.
 */
export function encodeEvents(events: readonly CanonicalEvent[]): EncodedBatch {
  const segments: EncodedSegment[] = [];
  const lines = new Chunks('');
  events.forEach((e, i) => {
    const columns = Object.keys(e.payload);
    let segment = segments.at(-1);
    if (!segment || !sameList(segment.columns, columns)) {
      segment = { batchId: randomUUID(), columns, start: i, end: i };
      segments.push(segment);
    }
    segment.end = i + 1;
    lines.add(recordLine(e, segment.batchId, i - segment.start, columns));
  });
  lines.flush();
  return {
    ids: events.map((e) => e.eventId),
    segments,
    copyText: (keep) => (keep ? keptLines(lines.chunks, keep) : lines.chunks),
    first: events[0],
    dclPayload: (keep) => {
      const kept = keep ? events.filter((_, i) => keep(i)) : events;
      return kept.length === 0 ? undefined : [JSON.stringify(toDclTablePayload(kept))];
    },
  };
}

/** The aam_event_records COPY line of an event built by the canonical builder. */
export function recordLine(e: CanonicalEvent, batchId: string, position: number, columns: readonly string[]): string {
  const flags = e.metadata.qualityFlags.length === 0 ? '\\N' : copyJson(JSON.stringify(e.metadata.qualityFlags));
  const fields = [e.tenantId, batchId, position, e.eventId, e.metadata.rowNumber ?? '\\N', e.metadata.line ?? '\\N', copyText(e.recordKey), e.operation];
  return `${fields.join('\t')}\t${copyJson(JSON.stringify(columns.map((c) => e.payload[c])))}\t${flags}\n`;
}

/** Strings joined CHUNK_ROWS at a time into flat chunks. */
class Chunks {
  readonly chunks: string[] = [];
  private pending: string[] = [];

  constructor(private readonly separator: string) {}

  add(text: string): void {
    this.pending.push(text);
    if (this.pending.length === CHUNK_ROWS) this.flush();
  }

  flush(): void {
    if (this.pending.length > 0) this.chunks.push(this.pending.join(this.separator));
    this.pending = [];
  }
}

/** The COPY lines (never holding a raw line break: COPY text escapes them) whose index `keep` keeps. */
function keptLines(chunks: readonly string[], keep: (index: number) => boolean): string[] {
  const kept: string[] = [];
  let index = 0;
  for (const chunk of chunks) {
    const lines = chunk.split('\n');
    lines.pop();
    const some = lines.filter((_, i) => keep(index + i));
    index += lines.length;
    if (some.length > 0) kept.push(some.join('\n') + '\n');
  }
  return kept;
}

/** The DCL rows (JSON arrays, comma-separated in chunks) whose index `keep` keeps, one string each. */
function keptRows(chunks: readonly string[], keep: (index: number) => boolean): string[] {
  const kept: string[] = [];
  let index = 0;
  for (const chunk of chunks) {
    for (const row of JSON.parse(`[${chunk}]`) as unknown[]) if (keep(index++)) kept.push(JSON.stringify(row));
  }
  return kept;
}

/** JSON text never holds a raw tab or line break; only its backslashes need doubling. */
function copyJson(json: string): string {
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}

function hasKeys(values: Readonly<Record<string, unknown>>, columns: readonly string[]): boolean {
  let i = 0;
  for (const key in values) {
    if (key !== columns[i++]) return false;
  }
  return i === columns.length;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
