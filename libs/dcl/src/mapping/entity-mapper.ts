import { getEntity, LogicalType, OntologyEntity } from '@autonomos/ontology';
import { ActiveMapping, applyTransform } from '@autonomos/repair';

/** One stream entry as the AAM publishes it (see the AAM's DclTablePayload). */
export interface TableBatch {
  table: string;
  columns: string[];
  rows: Array<Array<string | null>>;
}

export type PendingReason = 'no_mapping' | 'mapping_mismatch' | 'invalid_value';

export interface SourceRecord {
  recordKey: string;
  /** Position of the stream entry it came in (Redis entry id as a number): newer wins. */
  entrySeq: string;
  eventId: string;
  operation: 'upsert' | 'delete';
  /** Source column → text value, as published. */
  values: Record<string, string | null>;
}

export interface MappedRow {
  recordKey: string;
  entrySeq: string;
  eventId: string;
  fields: Record<string, string | null>;
}

export interface PendingRecord extends SourceRecord {
  reason: PendingReason;
  detail: string;
}

export interface MappingOutcome {
  entity: string | null;
  mapped: MappedRow[];
  deleted: SourceRecord[];
  pending: PendingRecord[];
}

const META = { eventId: '_aam_event_id', recordKey: '_aam_record_key', operation: '_aam_operation' } as const;

/** Turns a table payload into records; the last event of a record key wins within a batch. */
export function toSourceRecords(batch: TableBatch, entrySeq: string): SourceRecord[] {
  const index = new Map(batch.columns.map((column, i) => [column, i]));
  const at = (name: string) => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`stream entry has no ${name} column`);
    return i;
  };
  const [eventAt, keyAt, operationAt] = [at(META.eventId), at(META.recordKey), at(META.operation)];
  const sourceColumns = batch.columns.map((column, i) => [column, i] as const).filter(([column]) => !column.startsWith('_aam_'));
  const byKey = new Map<string, SourceRecord>();
  for (const row of batch.rows) {
    const recordKey = row[keyAt] ?? '';
    // A plain loop: this runs for every record of every entry.
    const values: Record<string, string | null> = {};
    for (const [column, i] of sourceColumns) values[column] = row[i] ?? null;
    byKey.delete(recordKey);
    byKey.set(recordKey, { recordKey, entrySeq, eventId: row[eventAt] ?? '', operation: row[operationAt] === 'delete' ? 'delete' : 'upsert', values });
  }
  return [...byKey.values()];
}

/**
 * Applies a stream's active mapping to its records. Nothing is guessed: a record waits
 * (pending) when there is no mapping, when the batch lacks a column the mapping reads for a
 * required or key field (the source drifted), or when a value does not convert to its field's
 * type (e.g. money text with a currency sign and no transform yet).
 */
export function mapRecords(mapping: ActiveMapping | null, records: readonly SourceRecord[], columns: readonly string[]): MappingOutcome {
  const outcome: MappingOutcome = { entity: mapping?.entity ?? null, mapped: [], deleted: [], pending: [] };
  const entity = mapping ? getEntity(mapping.entity) : undefined;
  const wait = (reason: PendingReason, detail: string) => (record: SourceRecord) => outcome.pending.push({ ...record, reason, detail });
  const upserts = records.filter((record) => record.operation === 'upsert');
  outcome.deleted = records.filter((record) => record.operation === 'delete');
  if (!mapping || !entity) {
    upserts.forEach(wait('no_mapping', mapping ? `mapping targets unknown entity ${mapping.entity}` : 'no active mapping for this stream'));
    return outcome;
  }
  const missing = missingColumns(mapping, entity, columns);
  if (missing.length > 0) {
    upserts.forEach(wait('mapping_mismatch', `mapping v${mapping.version} reads columns the source no longer has: ${missing.join(', ')}`));
    return outcome;
  }
  const types = new Map(entity.fields.map((field) => [field.name, field.type]));
  for (const record of upserts) {
    try {
      outcome.mapped.push({ recordKey: record.recordKey, entrySeq: record.entrySeq, eventId: record.eventId, fields: mapFields(mapping, types, record.values) });
    } catch (error) {
      wait('invalid_value', (error as Error).message)(record);
    }
  }
  return outcome;
}

function missingColumns(mapping: ActiveMapping, entity: OntologyEntity, columns: readonly string[]): string[] {
  const present = new Set(columns);
  const essential = new Set([...entity.keyFields, ...entity.fields.filter((field) => field.required).map((field) => field.name)]);
  return mapping.fields.filter((field) => essential.has(field.target) && !present.has(field.source)).map((field) => field.source);
}

function mapFields(mapping: ActiveMapping, types: Map<string, LogicalType>, values: Record<string, string | null>): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  for (const field of mapping.fields) {
    const raw = values[field.source];
    if (raw === null || raw === undefined || raw.trim() === '') {
      fields[field.target] = null;
      continue;
    }
    const value = field.transform ? String(applyTransform(field.transform, raw)) : raw;
    fields[field.target] = checkType(field.target, types.get(field.target) ?? 'string', value);
  }
  return fields;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;
const BOOLEANS: Record<string, string> = { true: 'true', t: 'true', yes: 'true', '1': 'true', false: 'false', f: 'false', no: 'false', '0': 'false' };

/** The value as its field's type expects it (canonical text), or an error naming both. */
function checkType(field: string, type: LogicalType, value: string): string {
  const text = value.trim();
  const fail = (expected: string) => new Error(`${field}: "${value}" is not ${expected}`);
  switch (type) {
    case 'money':
    case 'decimal':
      if (!DECIMAL.test(text)) throw fail('a plain decimal number');
      return text;
    case 'integer':
      if (!/^-?\d+$/.test(text)) throw fail('a whole number');
      return text;
    case 'boolean': {
      const normalized = BOOLEANS[text.toLowerCase()];
      if (!normalized) throw fail('true or false');
      return normalized;
    }
    case 'date':
    case 'timestamp':
      if (!DATE_LIKE.test(text)) throw fail('an ISO 8601 date');
      return text;
    default:
      return value;
  }
}
