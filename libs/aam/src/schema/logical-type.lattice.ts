/**
 * Logical types of source values. `unknown` is the bottom: a column with no non-null value yet
 * (a header-only file) has no type evidence, so any later type refines it.
 */
export type LogicalType =
  | 'unknown'
  | 'integer'
  | 'decimal'
  | 'money_text'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'id'
  | 'email'
  | 'json'
  | 'string';

/**
 * The lattice used to merge observations: a column's type is the least type that holds every
 * value seen. integer < decimal < money_text (a money parser also reads plain numbers),
 * integer < id (numeric ids are ids), date < timestamp, and everything < string.
 */
const PARENTS: Record<LogicalType, LogicalType[]> = {
  unknown: ['integer', 'boolean', 'date', 'email', 'json'],
  integer: ['decimal', 'id'],
  decimal: ['money_text'],
  money_text: ['string'],
  id: ['string'],
  date: ['timestamp'],
  timestamp: ['string'],
  boolean: ['string'],
  email: ['string'],
  json: ['string'],
  string: [],
};

const ANCESTORS = new Map<LogicalType, Set<LogicalType>>();
function ancestors(type: LogicalType): Set<LogicalType> {
  let found = ANCESTORS.get(type);
  if (!found) {
    found = new Set([type]);
    for (const parent of PARENTS[type]) ancestors(parent).forEach((t) => found!.add(t));
    ANCESTORS.set(type, found);
  }
  return found;
}

/** True when every value of type `a` is also a value of type `b`. */
export function isSubtype(a: LogicalType, b: LogicalType): boolean {
  return ancestors(a).has(b);
}

/** Least upper bound: the narrowest type that holds values of both. */
export function joinTypes(a: LogicalType, b: LogicalType): LogicalType {
  if (a === b) return a;
  const key = `${a}|${b}`;
  let joined = JOINS.get(key);
  if (joined === undefined) JOINS.set(key, (joined = computeJoin(a, b)));
  return joined;
}

const JOINS = new Map<string, LogicalType>();

function computeJoin(a: LogicalType, b: LogicalType): LogicalType {
  const common = [...ancestors(a)].filter((t) => ancestors(b).has(t));
  // The least common ancestor is the one every other common ancestor sits above.
  return common.find((candidate) => common.every((other) => isSubtype(candidate, other))) ?? 'string';
}

export type Severity = 'breaking' | 'non_breaking';

/**
 * How a column's type moved between two schema versions, seen from a consumer built for the
 * old type:
 * - `widening` (non_breaking): the new type contains the old one and keeps its meaning, so the
 *   destination column widens in place and the same parser reads every value
 *   (integer → decimal, date → timestamp, and unknown → anything: the first values seen).
 * - `tightening` (non_breaking): every new value is still a valid old value
 *   (decimal → integer, money_text → decimal, string → anything).
 * - `format_change` (breaking): same meaning, new text form; the old parser fails on it
 *   (integer/decimal → money_text: "$51,130.46" is not a number literal).
 * - `narrowing` (breaking): the consumer loses the old type's guarantees, e.g. decimal → string
 *   or integer → boolean; what it can do with the value narrows.
 */
export type TypeChangeKind = 'widening' | 'tightening' | 'format_change' | 'narrowing';

const WIDENINGS: ReadonlyArray<[LogicalType, LogicalType]> = [
  ['integer', 'decimal'],
  ['date', 'timestamp'],
];

export function classifyTypeChange(from: LogicalType, to: LogicalType): { change: TypeChangeKind; severity: Severity } {
  const firstEvidence = from === 'unknown';
  if (firstEvidence || WIDENINGS.some(([a, b]) => a === from && b === to)) return { change: 'widening', severity: 'non_breaking' };
  if (isSubtype(to, from)) return { change: 'tightening', severity: 'non_breaking' };
  if (to === 'money_text' && isSubtype(from, 'decimal')) return { change: 'format_change', severity: 'breaking' };
  return { change: 'narrowing', severity: 'breaking' };
}

/** Broad kind of value, used to tell whether two columns could hold the same data. */
export function typeFamily(type: LogicalType): string {
  if (type === 'integer' || type === 'decimal' || type === 'money_text') return 'number';
  if (type === 'date' || type === 'timestamp') return 'time';
  return type;
}
