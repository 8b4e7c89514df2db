import { joinTypes, LogicalType } from './logical-type.lattice';
import { ColumnFormat, ColumnProfile, ColumnSchema, MIXED, SourceRecord, StreamSchema } from './schema.types';
import { classifyValue } from './value.classifier';

/** Distinct sample values kept per column: enough to show a reviewer and to compare columns. */
export const PROFILE_SAMPLES = 20;

/**
 * Infers the schema of one batch. `columns` (a CSV header) fixes the column order and keeps
 * columns that have no value in this batch; keys found only in records are appended.
 */
export function inferSchema(records: Iterable<SourceRecord>, columns: readonly string[] = []): StreamSchema {
  const builders = new Map<string, ColumnBuilder>(columns.map((name) => [name, new ColumnBuilder(name, 0)]));
  let rows = 0;
  for (const record of records) {
    for (const name of Object.keys(record)) {
      if (!builders.has(name)) builders.set(name, new ColumnBuilder(name, rows));
    }
    for (const builder of builders.values()) builder.add(record[builder.name]);
    rows++;
  }
  return { rows, columns: [...builders.values()].map((b) => b.build()) };
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

  add(value: string | null | undefined): void {
    this.count++;
    const observed = classifyValue(value);
    if (!observed) {
      this.nullCount++;
      return;
    }
    this.type = joinTypes(this.type, observed.type);
    this.format = mergeFormats(this.format, observed.format);
    if (this.samples.size < PROFILE_SAMPLES) this.samples.add(value!.trim());
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

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
