import Decimal from 'decimal.js';
import { LogicalType } from './logical-type.lattice';
import { ColumnFormat } from './schema.types';

export interface ValueClass {
  type: LogicalType;
  format: ColumnFormat;
}

/** Empty text and the SQL export spellings of NULL. */
export function isNullValue(value: string | null | undefined): value is null | undefined | '' {
  if (value === null || value === undefined) return true;
  const trimmed = value.trim();
  return trimmed === '' || trimmed === 'NULL' || trimmed === 'null';
}

/** The logical type and format of one non-null value, or null for a null value. */
export function classifyValue(raw: string | null | undefined): ValueClass | null {
  if (isNullValue(raw)) return null;
  const value = raw.trim();

  if (BOOLEAN.test(value)) return { type: 'boolean', format: {} };
  // Zero-padded numbers are codes (zip codes, account numbers): the zeros must survive.
  if (/^[+-]?0\d/.test(value) && /^[+-]?\d+$/.test(value)) return { type: 'id', format: {} };

  const number = parseNumberText(value);
  if (number) {
    const { currency, decimalSeparator, thousandsSeparator, accounting } = number;
    if (currency === undefined && thousandsSeparator === undefined && !accounting) {
      return decimalSeparator === undefined ? { type: 'integer', format: {} } : { type: 'decimal', format: { decimalSeparator } };
    }
    return { type: 'money_text', format: definedOnly({ currency, decimalSeparator, thousandsSeparator }) };
  }

  const timestamp = TIMESTAMP.exec(value);
  if (timestamp && isDate(+timestamp[1], +timestamp[2], +timestamp[3]) && +timestamp[4] < 24 && +timestamp[5] < 60) {
    return { type: 'timestamp', format: { datePattern: 'YYYY-MM-DD', timezone: timestamp[6] ? 'offset' : 'none' } };
  }
  const datePattern = matchDate(value);
  if (datePattern) return { type: 'date', format: { datePattern } };

  if (ID_PATTERNS.some((pattern) => pattern.test(value))) return { type: 'id', format: {} };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { type: 'email', format: {} };
  if ((value.startsWith('{') || value.startsWith('[')) && isJson(value)) return { type: 'json', format: {} };
  return { type: 'string', format: {} };
}

/**
 * The value in a form comparable across format changes: numbers (plain or money text) as an
 * exact canonical decimal ("$51,130.460" → "51130.46"), anything else trimmed.
 */
export function normalizeValue(raw: string): string {
  const value = raw.trim();
  const type = classifyValue(value)?.type;
  const numeric = type === 'integer' || type === 'decimal' || type === 'money_text';
  return (numeric && parseNumberText(value)?.decimal) || value;
}

/**
 * A test that vouches for values which, classified, would leave a column of this type and
 * format unchanged (the joined type and merged format stay the same); undefined when there is
 * no cheap test. Sound, not complete: a value it does not vouch for is classified in full. Each
 * test only matches text that classifyValue's earlier branches cannot claim, so the type it
 * implies is the one classifyValue gives (see value.classifier.spec.ts).
 */
export function acceptorFor(type: LogicalType, format: ColumnFormat): ((value: string) => boolean) | undefined {
  const formatKeys = Object.keys(format);
  switch (type) {
    case 'string':
      // The top of the lattice, and strings carry no format.
      return () => true;
    case 'integer':
      return formatKeys.length === 0 ? (v) => PLAIN_INTEGER.test(v) : undefined;
    case 'decimal':
      return formatKeys.length === 1 && format.decimalSeparator === '.' ? (v) => PLAIN_DECIMAL.test(v) : undefined;
    case 'id':
      return formatKeys.length === 0 ? (v) => DIGITS.test(v) || ID_PATTERNS.some((pattern) => pattern.test(v)) : undefined;
    case 'boolean':
      return formatKeys.length === 0 ? (v) => BOOLEAN.test(v) : undefined;
    case 'date':
      if (formatKeys.length !== 1 || format.datePattern !== 'YYYY-MM-DD') return undefined;
      return (v) => {
        const m = ISO_DATE.exec(v);
        return m !== null && isDate(+m[1], +m[2], +m[3]);
      };
    default:
      return undefined;
  }
}

/** integer: no sign but minus, no zero padding ("007" is an id). */
const PLAIN_INTEGER = /^-?(?:0|[1-9]\d*)$/;
/** integer, or decimal with a point. */
const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
/** integer or zero-padded code: both are ids or below. */
const DIGITS = /^\d+$/;
const BOOLEAN = /^(true|false|yes|no)$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const ID_PATTERNS = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
  /^arn:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9-]*:\d*:\S+$/, // AWS ARN
  // Prefixed ids: letters, a separator, then a part with a digit ("CR-2025-001", "li-000000",
  // "cus_9xK2"); "us-east-1" is not one because its first part after the prefix has no digit.
  /^[A-Za-z]{1,12}[-_](?=[A-Za-z]*\d)[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/,
  // Opaque tokens mixing letters and digits (Salesforce ids, hashes).
  /^(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{15,}$/,
];

interface NumberText {
  /** Canonical exact decimal, e.g. "-1234.5". */
  decimal: string;
  currency?: string;
  decimalSeparator?: string;
  thousandsSeparator?: string;
  /** Written as "(1,234.00)" for a negative amount. */
  accounting: boolean;
}

// A symbol may touch the amount ("$5", "5€"); a three-letter code needs a space ("USD 5"), so
// product codes such as "SKU123" are not read as money.
const NUMBER_TEXT = new RegExp(
  String.raw`^([+-])?(?:([$€£¥₹])\s?|([A-Z]{3})\s)?([+-])?(\d(?:[\d.,'\s\u00a0\u202f]*\d)?)(?:\s?([$€£¥₹])|\s([A-Z]{3}))?$`,
  'u',
);
const GROUPED = /^\d{1,3}(?:([,.'\s\u00a0\u202f])\d{3})(?:\1\d{3})*(?:([.,])(\d+))?$/u;

function parseNumberText(text: string): NumberText | null {
  const accounting = text.startsWith('(') && text.endsWith(')');
  const match = NUMBER_TEXT.exec(accounting ? text.slice(1, -1) : text);
  if (!match) return null;
  const [, signBefore, symbolBefore, codeBefore, signAfter, digits, symbolAfter, codeAfter] = match;
  const currencies = [symbolBefore, codeBefore, symbolAfter, codeAfter].filter((c) => c !== undefined);
  if (currencies.length > 1 || (signBefore && signAfter)) return null;
  const negative = accounting || signBefore === '-' || signAfter === '-';
  const currency = currencies[0];

  let integer: string;
  let fraction = '';
  let decimalSeparator: string | undefined;
  let thousandsSeparator: string | undefined;
  const plain = /^(\d+)(?:([.,])(\d+))?$/.exec(digits);
  // "1,234" is read as a thousands group; "12,5" and "1,50" as decimal commas.
  if (plain && !(plain[2] === ',' && plain[3].length === 3)) {
    [, integer, decimalSeparator, fraction = ''] = plain;
  } else {
    const grouped = GROUPED.exec(digits);
    if (!grouped || grouped[1] === grouped[2]) return null;
    thousandsSeparator = grouped[1] === '\u00a0' || grouped[1] === '\u202f' ? ' ' : grouped[1];
    decimalSeparator = grouped[2];
    fraction = grouped[3] ?? '';
    integer = digits.slice(0, grouped[2] ? digits.length - fraction.length - 1 : undefined).replace(/\D/g, '');
  }
  const decimal = new Decimal(`${negative ? '-' : ''}${integer}${fraction ? '.' + fraction : ''}`).toFixed();
  return { decimal, currency, decimalSeparator, thousandsSeparator, accounting };
}

function matchDate(value: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return isDate(+m[1], +m[2], +m[3]) ? 'YYYY-MM-DD' : undefined;
  m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(value);
  if (m) return isDate(+m[1], +m[2], +m[3]) ? 'YYYY/MM/DD' : undefined;
  m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  if (m) return isDate(+m[3], +m[2], +m[1]) ? 'DD.MM.YYYY' : undefined;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!m) return undefined;
  // Month first (US) unless the first part cannot be a month; the column merge settles it.
  if (isDate(+m[3], +m[1], +m[2])) return 'MM/DD/YYYY';
  return isDate(+m[3], +m[2], +m[1]) ? 'DD/MM/YYYY' : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Without building a Date: it runs for every date value a sync reads. */
function isDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month !== 2) return day <= DAYS_IN_MONTH[month - 1];
  // Years 0-99 are 1900-1999, as Date.UTC reads them (so "0000-02-29" stays refused).
  const y = year <= 99 ? 1900 + year : year;
  return day <= (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28);
}

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

function definedOnly(format: ColumnFormat): ColumnFormat {
  return Object.fromEntries(Object.entries(format).filter(([, v]) => v !== undefined)) as ColumnFormat;
}
