import { classifyTypeChange, LogicalType, Severity, TypeChangeKind } from './logical-type.lattice';
import { detectRenames } from './rename.detector';
import { schemaFingerprint } from './schema.fingerprint';
import { ColumnFormat, ColumnSchema, StreamSchema } from './schema.types';

/** On a renamed column, `column` is the new name and `renamedFrom` the old one. */
interface ColumnRef {
  column: string;
  renamedFrom?: string;
}

export type SchemaChange =
  | { kind: 'column_added'; column: string; type: LogicalType; nullable: boolean; severity: Severity }
  | { kind: 'column_removed'; column: string; type: LogicalType; severity: Severity }
  | {
      kind: 'column_renamed';
      from: string;
      to: string;
      confidence: number;
      nameSimilarity: number;
      valueOverlap: number;
      severity: Severity;
    }
  | (ColumnRef & { kind: 'type_changed'; from: LogicalType; to: LogicalType; change: TypeChangeKind; severity: Severity })
  | (ColumnRef & { kind: 'nullability_changed'; from: boolean; to: boolean; severity: Severity })
  | (ColumnRef & { kind: 'format_changed'; from: ColumnFormat; to: ColumnFormat; severity: Severity });

export interface SchemaDiff {
  fromFingerprint: string;
  toFingerprint: string;
  /** True when any change is breaking: existing mappings or consumers would misread the new data. */
  breaking: boolean;
  changes: SchemaChange[];
}

/**
 * What changed from `previous` to `next`. Severity is judged for a consumer built on `previous`:
 * - added column: non_breaking (nobody reads it yet);
 * - removed or renamed column: breaking (mappings point at the old name);
 * - type change: per the lattice (see classifyTypeChange);
 * - a column that now has nulls: breaking (NOT NULL targets and keys fail); the reverse is not;
 * - format: breaking when a detail changes from one value to another ('$' → '€', '.' → ','),
 *   non_breaking when it only appears or disappears with the data seen.
 */
export function diffSchemas(previous: StreamSchema, next: StreamSchema): SchemaDiff {
  const before = new Map(previous.columns.map((c) => [c.name, c]));
  const after = new Map(next.columns.map((c) => [c.name, c]));
  const removed = previous.columns.filter((c) => !after.has(c.name));
  const added = next.columns.filter((c) => !before.has(c.name));
  const renames = detectRenames(removed, added);
  const renamedFrom = new Set(renames.map((r) => r.from));
  const renamedTo = new Set(renames.map((r) => r.to));

  const changes: SchemaChange[] = [];
  for (const column of removed.filter((c) => !renamedFrom.has(c.name))) {
    changes.push({ kind: 'column_removed', column: column.name, type: column.type, severity: 'breaking' });
  }
  for (const column of added.filter((c) => !renamedTo.has(c.name))) {
    changes.push({ kind: 'column_added', column: column.name, type: column.type, nullable: column.nullable, severity: 'non_breaking' });
  }
  for (const rename of renames) {
    changes.push({ kind: 'column_renamed', ...rename, severity: 'breaking' });
    changes.push(...columnChanges(before.get(rename.from)!, after.get(rename.to)!, { column: rename.to, renamedFrom: rename.from }));
  }
  for (const column of next.columns.filter((c) => before.has(c.name))) {
    changes.push(...columnChanges(before.get(column.name)!, column, { column: column.name }));
  }

  return {
    fromFingerprint: schemaFingerprint(previous),
    toFingerprint: schemaFingerprint(next),
    breaking: changes.some((c) => c.severity === 'breaking'),
    changes,
  };
}

function columnChanges(old: ColumnSchema, now: ColumnSchema, ref: ColumnRef): SchemaChange[] {
  const changes: SchemaChange[] = [];
  if (old.type !== now.type) {
    changes.push({ ...ref, kind: 'type_changed', from: old.type, to: now.type, ...classifyTypeChange(old.type, now.type) });
  } else if (formatKey(old.format) !== formatKey(now.format)) {
    // A format is only comparable within one type; a type change already says the form changed.
    const conflicting = Object.keys({ ...old.format, ...now.format }).some((key) => {
      const a = old.format[key as keyof ColumnFormat];
      const b = now.format[key as keyof ColumnFormat];
      return a !== undefined && b !== undefined && a !== b;
    });
    changes.push({ ...ref, kind: 'format_changed', from: old.format, to: now.format, severity: conflicting ? 'breaking' : 'non_breaking' });
  }
  if (old.nullable !== now.nullable) {
    changes.push({ ...ref, kind: 'nullability_changed', from: old.nullable, to: now.nullable, severity: now.nullable ? 'breaking' : 'non_breaking' });
  }
  return changes;
}

function formatKey(format: ColumnFormat): string {
  return JSON.stringify(Object.entries(format).sort(([a], [b]) => (a < b ? -1 : 1)));
}
