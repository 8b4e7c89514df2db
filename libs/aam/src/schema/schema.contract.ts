import { isSubtype, joinTypes, LogicalType } from './logical-type.lattice';
import { StreamSchema } from './schema.types';
import { classifyValue, isNullValue } from './value.classifier';

/**
 * dlt's schema contract modes (https://dlthub.com/docs/general-usage/schema-contracts):
 * - evolve: accept new columns and values of a wider type; the schema follows the data.
 * - freeze: reject; the caller fails the whole batch and changes nothing.
 * - discard_row: the record goes to quarantine with its reason; the rest of the batch loads.
 * - discard_value: the offending value is nulled (a new column's value dropped) and recorded.
 */
export type ContractMode = 'evolve' | 'freeze' | 'discard_row' | 'discard_value';

export interface SchemaContract {
  /** Mode for new columns and for columns without their own mode. */
  mode: ContractMode;
  /** Per-column modes, for values that do not fit that column's type. */
  columns?: Readonly<Record<string, ContractMode>>;
}

export interface ContractViolation {
  column: string;
  kind: 'new_column' | 'type_mismatch';
  value: string;
  /** The column's type in the active schema (type_mismatch only). */
  expected?: LogicalType;
  found: LogicalType;
  mode: ContractMode;
  message: string;
}

export type ContractOutcome =
  | {
      status: 'accepted';
      /** The record to load: discarded values nulled, discarded new columns removed. */
      record: Record<string, string | null>;
      /** Values nulled or dropped under discard_value, to keep as data-quality flags. */
      discarded: ContractViolation[];
      /** Changes evolve let through; the caller merges them into the active schema. */
      evolutions: ContractViolation[];
    }
  | { status: 'quarantined'; reason: string; violations: ContractViolation[] }
  | { status: 'rejected'; reason: string; violations: ContractViolation[] };

/**
 * Checks one record against the active schema under a contract. Only new columns and values
 * that do not fit their column's type are violations: nullability is inferred from the data
 * seen so far, too weak a promise to reject rows on (the schema diff reports it instead).
 * Rejection always comes with reasons; nothing is dropped silently.
 */
export function applyContract(
  contract: SchemaContract,
  schema: StreamSchema,
  record: Readonly<Record<string, string | null | undefined>>,
): ContractOutcome {
  const columns = new Map(schema.columns.map((c) => [c.name, c]));
  const violations: ContractViolation[] = [];
  for (const [name, raw] of Object.entries(record)) {
    if (isNullValue(raw)) continue;
    const found = classifyValue(raw)!.type;
    const mode = contract.columns?.[name] ?? contract.mode;
    const column = columns.get(name);
    if (!column) {
      violations.push({ column: name, kind: 'new_column', value: raw, found, mode, message: `new column "${name}"` });
    } else if (column.type !== 'unknown' && !isSubtype(found, column.type)) {
      violations.push({
        column: name,
        kind: 'type_mismatch',
        value: raw,
        expected: column.type,
        found,
        mode,
        message: `column "${name}" expects ${column.type}, got ${found} ${JSON.stringify(raw)} (would widen to ${joinTypes(column.type, found)})`,
      });
    }
  }

  const byMode = (mode: ContractMode) => violations.filter((v) => v.mode === mode);
  const frozen = byMode('freeze');
  if (frozen.length > 0) return { status: 'rejected', reason: reasonOf(frozen), violations };
  const dropped = byMode('discard_row');
  if (dropped.length > 0) return { status: 'quarantined', reason: reasonOf(dropped), violations };

  const discarded = byMode('discard_value');
  const discardedColumns = new Map(discarded.map((v) => [v.column, v.kind]));
  const accepted = Object.fromEntries(
    Object.entries(record)
      .filter(([name]) => discardedColumns.get(name) !== 'new_column')
      .map(([name, value]) => [name, discardedColumns.has(name) ? null : (value ?? null)]),
  );
  return { status: 'accepted', record: accepted, discarded, evolutions: byMode('evolve') };
}

function reasonOf(violations: ContractViolation[]): string {
  return violations.map((v) => v.message).join('; ');
}
