// Type/format compatibility between a source column and a target field. Both sides are reduced
// to one vocabulary: declared types ('decimal', 'date/time', 'varchar', ontology types) and
// patterns recognised in values.

export type Kind =
  | 'integer'
  | 'decimal'
  | 'money'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'id'
  | 'email'
  | 'uuid'
  | 'arn'
  | 'url'
  | 'phone'
  | 'currency_code'
  | 'json'
  | 'string'
  | 'text'
  | 'unknown';

const ALIASES: Record<string, Kind> = {
  int: 'integer', integer: 'integer', bigint: 'integer', smallint: 'integer', long: 'integer',
  decimal: 'decimal', numeric: 'decimal', number: 'decimal', float: 'decimal', double: 'decimal', real: 'decimal',
  money: 'money', currency: 'money', percent: 'percent',
  bool: 'boolean', boolean: 'boolean',
  date: 'date', 'date/time': 'timestamp', datetime: 'timestamp', timestamp: 'timestamp', timestamptz: 'timestamp',
  id: 'id', email: 'email', uuid: 'uuid', arn: 'arn', url: 'url', phone: 'phone',
  currency_code: 'currency_code', json: 'json', object: 'json',
  string: 'string', varchar: 'string', text: 'text', char: 'string',
};

/** Maps a declared type or a value pattern to a kind; 'unknown' for empty or unrecognised. */
export function toKind(type: string | undefined): Kind {
  if (!type) return 'unknown';
  return ALIASES[type.toLowerCase().replace(/\(.*\)$/, '').trim()] ?? 'unknown';
}

const NUMERIC = new Set<Kind>(['integer', 'decimal', 'money', 'percent']);
const TEMPORAL = new Set<Kind>(['date', 'timestamp']);
// Values any text column can hold without saying much.
const TEXTUAL = new Set<Kind>(['string', 'text', 'id', 'email', 'uuid', 'arn', 'url', 'phone', 'currency_code', 'boolean']);

/** 1 same kind, between 0 and 1 for convertible kinds, 0 for incompatible ones; null when a side is unknown. */
export function typeCompatibility(source: Kind, target: Kind): number | null {
  if (source === 'unknown' || target === 'unknown') return null;
  if (source === target) return 1;
  if (NUMERIC.has(source) && NUMERIC.has(target)) return source === 'integer' && target === 'money' ? 0.7 : 0.85;
  if (TEMPORAL.has(source) && TEMPORAL.has(target)) return 0.9;
  if (target === 'id') return source === 'integer' || TEXTUAL.has(source) ? 0.8 : 0.2;
  if (target === 'json') return source === 'text' || source === 'string' ? 0.5 : 0.1;
  if (target === 'string' || target === 'text') {
    // A declared string accepts anything, numeric codes (account ids) included; values seen as
    // words ('text') rarely sit beside numbers.
    if (TEXTUAL.has(source)) return 0.7;
    return source === 'integer' && target === 'string' ? 0.6 : 0.3;
  }
  if (source === 'string' || source === 'text') return TEXTUAL.has(target) ? 0.4 : 0.1;
  if (source === 'integer' && target === 'boolean') return 0.3;
  return 0;
}
