import { applyTransform } from '../transforms/apply-transform';

// Recognises what a column's values look like, so formats can be compared without names.

export type ValuePattern =
  | 'empty'
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'percent'
  | 'date'
  | 'timestamp'
  | 'email'
  | 'uuid'
  | 'arn'
  | 'url'
  | 'currency_code'
  | 'text';

// ISO 4217 codes seen in practice; a 3-letter upper-case value outside this list is text.
const CURRENCY_CODES = new Set(
  'USD EUR GBP JPY CNY INR AUD CAD CHF SEK NOK DKK PLN CZK HUF BRL MXN ZAR SGD HKD NZD KRW TWD THB IDR MYR PHP TRY ILS AED SAR RUB ARS CLP COP PEN'.split(' '),
);

const PATTERNS: Array<[ValuePattern, RegExp]> = [
  ['boolean', /^(true|false|yes|no|y|n|t|f)$/i],
  ['integer', /^[+-]?\d+$/],
  ['decimal', /^[+-]?(\d+\.\d*|\.\d+|\d+(\.\d+)?[eE][+-]?\d+)$/],
  ['money', /^(\(?[+-]?\s?[$€£¥]\s?[\d.,]+\)?|\(?[+-]?[\d.,]+\s?[$€£¥]\)?|[+-]?\d{1,3}([,.]\d{3})+([.,]\d{1,2})?|\([\d.,]+\))$/],
  ['percent', /^[+-]?\d+(\.\d+)?\s?%$/],
  ['date', /^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})$/],
  ['timestamp', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['arn', /^arn:[a-z-]+:[a-z0-9-]*:/],
  ['url', /^https?:\/\/\S+$/i],
];

export function detectPattern(raw: string): ValuePattern {
  const value = raw.trim();
  if (!value) return 'empty';
  if (CURRENCY_CODES.has(value)) return 'currency_code';
  for (const [pattern, re] of PATTERNS) if (re.test(value)) return pattern;
  return 'text';
}

export interface ValueProfile {
  /** The pattern most non-empty values follow ('text' when none dominates, 'empty' when no values). */
  pattern: ValuePattern;
  /** Distinct normalised values. */
  distinct: Set<string>;
  /** Distinct words inside the values, for partial overlap (`Stage IIA` ~ `IIA`). */
  words: Set<string>;
  numbers: number[];
}

/** Lower-case, trimmed, inner spaces collapsed: `  Male ` and `male` are the same value. */
export function normaliseValue(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function profileValues(samples: readonly string[] = []): ValueProfile {
  const counts = new Map<ValuePattern, number>();
  const distinct = new Set<string>();
  const words = new Set<string>();
  const numbers: number[] = [];
  let nonEmpty = 0;
  for (const raw of samples) {
    const pattern = detectPattern(raw);
    if (pattern === 'empty') continue;
    nonEmpty++;
    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    // Amounts compare by value, so `$51,130.46` meets `51130.46`.
    const amount = pattern === 'money' ? toDecimal(raw) : pattern === 'integer' || pattern === 'decimal' ? toDecimal(raw, '.') : null;
    const norm = amount ?? normaliseValue(raw);
    distinct.add(norm);
    for (const w of norm.split(/[^a-z0-9]+/)) if (w) words.add(w);
    if (amount !== null) numbers.push(Number(amount));
  }
  return { pattern: dominantPattern(counts, nonEmpty), distinct, words, numbers };
}

function toDecimal(raw: string, decimalSeparator?: '.'): string | null {
  try {
    return applyTransform({ kind: 'money_to_decimal', decimalSeparator }, raw) as string;
  } catch {
    return null;
  }
}

function dominantPattern(counts: Map<ValuePattern, number>, total: number): ValuePattern {
  if (!total) return 'empty';
  const ints = counts.get('integer') ?? 0;
  const decs = counts.get('decimal') ?? 0;
  // Mixed integers and decimals are one numeric column.
  if (decs && (ints + decs) / total >= 0.8) return 'decimal';
  let best: ValuePattern = 'text';
  let bestCount = 0;
  for (const [pattern, n] of counts) if (n > bestCount) [best, bestCount] = [pattern, n];
  return bestCount / total >= 0.8 ? best : 'text';
}
