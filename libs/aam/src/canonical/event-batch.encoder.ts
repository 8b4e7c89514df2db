import { hash } from 'node:crypto';
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

/**
 * A batch of canonical events, already serialised for the audit trail and the DCL: what the
 * sync writes, without holding one object graph per record.
 */
export interface EncodedBatch {
  /** Event ids, in record order (a repeated record repeats its id). */
  ids: string[];
  /**
   * COPY text-format lines for the staging table, one per event, in record order:
   * event_id, record_key, operation, payload (JSON), metadata (JSON); in chunks of about
   * CHUNK_CHARS, so no batch-sized string is ever built (they would land in V8's large-object
   * space, which is collected late and made the process's memory grow with the batch count).
   */
  copyRows: string[];
  /** The first event, fully built by buildEventFromCsvRecord: validated by the caller. */
  first?: CanonicalEvent;
  /** The DCL table payload (JSON, one line, in chunks) of the events whose ids `fresh` keeps, or of all of them. */
  dclPayload(fresh?: (id: string, index: number) => boolean): string[] | undefined;
}

/** Columns of the COPY lines in `copyRows`. */
export const STAGING_COLUMNS = ['event_id', 'record_key', 'operation', 'payload', 'metadata'] as const;

const CHUNK_CHARS = 32 * 1024;

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
 * buildEventFromCsvRecord + JSON.stringify + toDclTablePayload give (same ids, content hashes,
 * payload and metadata JSON), several times faster: the strings of a column layout (quoted
 * names, sort order for the content hash) are computed once, and each record becomes strings
 * directly. Records whose keys differ from the batch's first record, or that carry discarded
 * values, go through buildEventFromCsvRecord itself.
 */
export class EventBatchEncoder {
  private readonly idPrefix: string;
  private readonly metaSuffix: string;
  private readonly schemaVersionJson: string;
  private layout?: Layout;

  constructor(private readonly context: CsvEventContext & { schemaVersion: string }) {
    this.idPrefix = JSON.stringify([context.tenantId, context.connectionId, context.stream]).slice(0, -1) + ',';
    this.metaSuffix = context.fileChecksum === undefined ? '' : `,"fileChecksum":${JSON.stringify(context.fileChecksum)}`;
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
    return this.encodeEach(records);
  }

  /** Every record has the same keys in the same order: the fast path. */
  private *encodeUniform(records: readonly EncoderInput[], columns: string[], slice: number): Generator<void, EncodedBatch> {
    const layout = this.layoutFor(columns);
    const reserved = columns.find((c) => c.startsWith('_aam_'));
    if (reserved && records.length > 0) throw new CanonicalEventError(CanonicalErrorCode.ReservedColumn, `payload column "${reserved}" uses the reserved _aam_ prefix`);
    const { names, sorted, keyIndexes } = layout;
    const width = columns.length;
    const ids = new Array<string>(records.length);
    const dclRows = new Array<string>(records.length);
    const quoted = new Array<string>(width);
    const copyRows: string[] = [];
    let chunk = '';

    for (let r = 0; r < records.length; r++) {
      if (r > 0 && r % slice === 0) yield;
      const record = records[r];
      const values = record.values;
      let payload = '{';
      for (let i = 0; i < width; i++) {
        const value = values[columns[i]];
        const q = isNull(value) ? 'null' : jsonString(value as string);
        quoted[i] = q;
        payload += (i === 0 ? names[i] : ',' + names[i]) + ':' + q;
      }
      payload += '}';
      let entries = '[';
      for (let i = 0; i < width; i++) {
        const c = sorted[i];
        entries += (i === 0 ? '[' : ',[') + names[c] + ',' + quoted[c] + ']';
      }
      const contentHash = hash('sha256', entries + ']', 'hex');

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
      const metadata = `{"rowNumber":${record.row},"line":${record.line}${this.metaSuffix},"contentHash":"${contentHash}","qualityFlags":[${flags}]}`;
      chunk += `${id}\t${copyText(recordKey)}\tupsert\t${copyJson(payload)}\t${copyJson(metadata)}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        copyRows.push(chunk);
        chunk = '';
      }
      let dcl = `["${id}",${recordKeyJson},"upsert",${this.schemaVersionJson}`;
      for (let i = 0; i < width; i++) dcl += ',' + quoted[i];
      dclRows[r] = dcl + ']';
    }

    if (chunk !== '') copyRows.push(chunk);
    const first = records.length > 0 ? buildEventFromCsvRecord(this.context, records[0]) : undefined;
    if (first && first.eventId !== ids[0]) throw new Error(`event encoder disagrees with the canonical builder on row ${records[0].row}`);
    const header = `{"table":${JSON.stringify(this.context.stream)},"columns":${JSON.stringify([...DCL_META_COLUMNS, ...columns])},"rows":[`;
    return {
      ids,
      copyRows,
      first,
      dclPayload: (fresh) => {
        const rows = fresh ? dclRows.filter((_, i) => fresh(ids[i], i)) : dclRows;
        if (rows.length === 0) return undefined;
        const chunks: string[] = [];
        let text = header;
        for (let i = 0; i < rows.length; i++) {
          text += i === 0 ? rows[i] : ',' + rows[i];
          if (text.length >= CHUNK_CHARS) {
            chunks.push(text);
            text = '';
          }
        }
        chunks.push(text + ']}');
        return chunks;
      },
    };
  }

  /** Records of different shapes: each built by the canonical builder. */
  private encodeEach(records: readonly EncoderInput[]): EncodedBatch {
    const events = records.map((r) => buildEventFromCsvRecord(this.context, r, r.discarded ?? []));
    const ids = events.map((e) => e.eventId);
    return {
      ids,
      copyRows: events.map(copyLine),
      first: events[0],
      dclPayload: (fresh) => {
        const kept = fresh ? events.filter((_, i) => fresh(ids[i], i)) : events;
        return kept.length === 0 ? undefined : [JSON.stringify(toDclTablePayload(kept))];
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

/** The staging COPY line of an event built by the canonical builder. */
export function copyLine(e: CanonicalEvent): string {
  return `${e.eventId}\t${copyText(e.recordKey)}\t${e.operation}\t${copyJson(JSON.stringify(e.payload))}\t${copyJson(JSON.stringify(e.metadata))}\n`;
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
