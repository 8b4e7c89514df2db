import { canonicalDecimal, shiftDecimal } from './decimal-text';
import { TransformError, TransformSpec, TransformedValue } from './transform.types';

/** Applies one transform to one value; throws TransformError naming the value when it cannot. */
export function applyTransform(spec: TransformSpec, value: string): TransformedValue {
  switch (spec.kind) {
    case 'money_to_decimal':
      return moneyToDecimal(value, spec.decimalSeparator);
    case 'date_format':
      return formatDate(value, spec.from, spec.to ?? 'YYYY-MM-DD');
    case 'scale': {
      const scaled = shiftDecimal(value.trim(), spec.power10);
      if (scaled === null) throw new TransformError(spec.kind, value, 'not a plain decimal number');
      return scaled;
    }
    case 'trim':
      return value.trim();
    case 'case':
      return spec.to === 'lower' ? value.toLowerCase() : value.toUpperCase();
    case 'to_integer':
      return toInteger(value);
    case 'to_boolean':
      return toBoolean(value);
  }
}

const CURRENCY_MARKS = /[$€£¥₹]|\b[A-Z]{3}\b|\s|\u00a0|'/g;

function moneyToDecimal(value: string, separator?: '.' | ','): string {
  let text = value.trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true; // accounting style: (12.00) is -12.00
    text = text.slice(1, -1);
  }
  text = text.replace(CURRENCY_MARKS, '');
  if (text.startsWith('-') || text.endsWith('-')) {
    negative = !negative;
    text = text.replace(/^-|-$/g, '');
  }
  if (text.startsWith('+')) text = text.slice(1);
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) throw new TransformError('money_to_decimal', value, 'not a money amount');
  const decimal = separator ?? guessDecimalSeparator(text);
  const thousands = decimal === '.' ? ',' : '.';
  const [int, frac = '', extra] = text.split(decimal);
  if (extra !== undefined) throw new TransformError('money_to_decimal', value, `more than one decimal separator "${decimal}"`);
  if (frac.includes(thousands) || !validGroups(int, thousands)) {
    throw new TransformError('money_to_decimal', value, `misplaced thousands separator "${thousands}"`);
  }
  return canonicalDecimal(negative ? '-' : '', int.split(thousands).join(''), frac);
}

/**
 * The last separator is the decimal one when both appear (`1.234,56`); a lone separator
 * followed by exactly three digits (`1,234`, `1.234`) is read as thousands, as money rarely
 * has three decimals.
 */
function guessDecimalSeparator(text: string): '.' | ',' {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const sep = lastDot >= 0 ? '.' : ',';
  const at = Math.max(lastDot, lastComma);
  if (at < 0) return '.';
  const repeated = text.indexOf(sep) !== at;
  const threeDigitsAfter = text.length - at - 1 === 3;
  const isThousands = repeated || threeDigitsAfter;
  return isThousands ? (sep === '.' ? ',' : '.') : sep;
}

function validGroups(int: string, thousands: string): boolean {
  if (!int.includes(thousands)) return /^\d+$/.test(int);
  const [first, ...rest] = int.split(thousands);
  return /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}

function formatDate(value: string, from: string, to: string): string {
  const tokens = from.match(/YYYY|MM|DD/g) ?? [];
  if (tokens.length !== 3) throw new TransformError('date_format', value, `format "${from}" needs YYYY, MM and DD`);
  // Literal separators of the format, any digit count for MM/DD (1/5/2025 is fine).
  const pattern = from
    .split(/(YYYY|MM|DD)/)
    .map((part) => (part === 'YYYY' ? '(\\d{4})' : part === 'MM' || part === 'DD' ? '(\\d{1,2})' : escapeRegex(part)))
    .join('');
  const m = new RegExp(`^${pattern}$`).exec(value.trim());
  if (!m) throw new TransformError('date_format', value, `does not match ${from}`);
  const parts: Record<string, string> = {};
  tokens.forEach((t, i) => (parts[t] = m[i + 1].padStart(t.length, '0')));
  const [y, mo, d] = [Number(parts.YYYY), Number(parts.MM), Number(parts.DD)];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new TransformError('date_format', value, 'no such calendar date');
  }
  return to.replace(/YYYY|MM|DD/g, (t) => parts[t]);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toInteger(value: string): string {
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/.exec(value.trim());
  if (!m) throw new TransformError('to_integer', value, 'not a whole number');
  return canonicalDecimal(m[1], m[2].replace(/,/g, ''), '');
}

const TRUE = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0']);

function toBoolean(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new TransformError('to_boolean', value, 'not a yes/no value');
}
