// Exact decimal arithmetic on strings: money must never pass through JS floats.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Canonical form: no leading zeros, no trailing fraction zeros beyond what was given, `-0` → `0`. */
export function canonicalDecimal(sign: string, int: string, frac: string): string {
  const i = int.replace(/^0+(?=\d)/, '') || '0';
  const text = frac ? `${i}.${frac}` : i;
  return sign === '-' && /[1-9]/.test(text) ? `-${text}` : text;
}

/** Moves the decimal point of a plain decimal string by `power10` places. */
export function shiftDecimal(value: string, power10: number): string | null {
  const m = DECIMAL.exec(value);
  if (!m || !Number.isInteger(power10)) return null;
  const [, sign, int, frac = ''] = m;
  const digits = int + frac;
  const point = int.length + power10;
  const padded = point < 0 ? '0'.repeat(-point) + digits : point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
  const at = Math.max(point, 0);
  return canonicalDecimal(sign, padded.slice(0, at) || '0', padded.slice(at).replace(/0+$/, ''));
}
