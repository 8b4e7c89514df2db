import { joinTypes, LogicalType } from './logical-type.lattice';
import { ColumnFormat, ColumnProfile, ColumnSchema, MIXED, SourceRecord, StreamSchema } from './schema.types';
import { acceptorFor, classifyValue, isNullValue } from './value.classifier';

/** Distinct sample values kept per column: enough to show a reviewer and to compare columns. */
export const PROFILE_SAMPLES = 20;

/**
 * Infers the schema of one batch. `columns` (a CSV header) fixes the column order and keeps
 * columns that have no value in this batch; keys found only in records are appended.
 */
export function inferSchema(records: Iterable<SourceRecord>, columns: readonly string[] = []): StreamSchema {
  const builders = new Map<string, ColumnBuilder>(columns.map((name) => [name, new ColumnBuilder(name, 0)]));
  let list = [...builders.values()];
  let rows = 0;
  for (const record of records) {
    // Records nearly always have exactly the known columns, in order: checked without allocating.
    if (!hasExactly(record, list)) {
      for (const name of Object.keys(record)) {
        if (!builders.has(name)) builders.set(name, new ColumnBuilder(name, rows));
      }
      if (builders.size !== list.length) list = [...builders.values()];
    }
    for (let i = 0; i < list.length; i++) list[i].add(record[list[i].name]);
    rows++;
  }
  return { rows, columns: list.map((b) => b.build()) };
}

function hasExactly(record: SourceRecord, builders: readonly ColumnBuilder[]): boolean {
  let i = 0;
  for (const key in record) {
    if (i >= builders.length || key !== builders[i++].name) return false;
  }
  return i === builders.length;
}

/** Merges schemas of successive batches: types widen, formats and profiles combine. */
export function mergeSchemas(a: StreamSchema, b: StreamSchema): StreamSchema {
  const byName = new Map(b.columns.map((c) => [c.name, c]));
  const merged = a.columns.map((left) => {
    const right = byName.get(left.name);
    byName.delete(left.name);
    return mergeColumns(left, right ?? absentColumn(left.name, b.rows));
  });
  const added = [...byName.values()].map((right) => mergeColumns(absentColumn(right.name, a.rows), right));
  return { rows: a.rows + b.rows, columns: [...merged, ...added] };
}

function mergeColumns(a: ColumnSchema, b: ColumnSchema): ColumnSchema {
  const type = joinTypes(a.type, b.type);
  const count = a.profile.count + b.profile.count;
  const nullCount = a.profile.nullCount + b.profile.nullCount;
  const samples = [...new Set([...a.profile.samples, ...b.profile.samples])].slice(0, PROFILE_SAMPLES);
  return {
    name: a.name,
    type,
    nullable: count === 0 || nullCount > 0,
    format: type === 'string' ? {} : mergeFormats(a.format, b.format),
    profile: { count, nullCount, nullRatio: ratio(nullCount, count), samples },
  };
}

/** A column a batch did not have: all of its rows count as nulls. */
function absentColumn(name: string, rows: number): ColumnSchema {
  return {
    name,
    type: 'unknown',
    nullable: true,
    format: {},
    profile: { count: rows, nullCount: rows, nullRatio: rows === 0 ? 0 : 1, samples: [] },
  };
}

function mergeFormats(a: ColumnFormat, b: ColumnFormat): ColumnFormat {
  const merged: Record<string, string> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ColumnFormat>) {
    const left = a[key];
    const right = b[key];
    if (left === undefined) merged[key] = right!;
    else if (right === undefined || right === left) merged[key] = left;
    else merged[key] = mergeDetail(key, left, right);
  }
  return merged as ColumnFormat;
}

function mergeDetail(key: keyof ColumnFormat, left: string, right: string): string {
  // A slash date read as month-first only lacked a day above 12; one day-first value settles it.
  const slash = new Set([left, right]);
  if (key === 'datePattern' && slash.has('MM/DD/YYYY') && slash.has('DD/MM/YYYY')) return 'DD/MM/YYYY';
  return MIXED;
}

class ColumnBuilder {
  private type: LogicalType = 'unknown';
  private format: ColumnFormat = {};
  private count = 0;
  private nullCount = 0;
  private readonly samples = new Set<string>();

  constructor(
    readonly name: string,
    /** Records seen before this column first appeared: they had no value for it. */
    priorRows: number,
  ) {
    this.count = priorRows;
    this.nullCount = priorRows;
  }

  /**
   * A cheap test that a value leaves this column's type and format as they are (see
   * acceptorFor); values it does not vouch for are classified in full. Every value is looked
   * at, so a type change anywhere in a batch is seen, yet a column settled on its type costs
   * one regular expression (or nothing, for strings) per value.
   */
  private accepts?: (value: string) => boolean;

  add(value: string | null | undefined): void {
    this.count++;
    if (isNull(value)) {
      this.nullCount++;
      return;
    }
    if (this.accepts === undefined || !this.accepts(value)) {
      const observed = classifyValue(value)!;
      this.type = joinTypes(this.type, observed.type);
      this.format = mergeFormats(this.format, observed.format);
      this.accepts = acceptorFor(this.type, this.format);
    }
    if (this.samples.size < PROFILE_SAMPLES) this.samples.add(value.trim());
  }

  build(): ColumnSchema {
    const profile: ColumnProfile = {
      count: this.count,
      nullCount: this.nullCount,
      nullRatio: ratio(this.nullCount, this.count),
      samples: [...this.samples],
    };
    return {
      name: this.name,
      type: this.type,
      nullable: this.count === 0 || this.nullCount > 0,
      format: this.type === 'string' ? {} : this.format,
      profile,
    };
  }
}

/** isNullValue, without trimming a value that has no surrounding whitespace (nearly all). */
function isNull(value: string | null | undefined): value is null | undefined | '' {
  if (value === null || value === undefined || value === '') return true;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first <= 32 || last <= 32 || first >= 127 || last >= 127) return isNullValue(value);
  return value === 'NULL' || value === 'null';
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
