import { applyTransform } from './apply-transform';
import { TransformSpec } from './transform.types';

const NUMERIC_TARGETS = new Set(['decimal', 'money', 'numeric', 'number', 'float', 'double']);
const INTEGER_TARGETS = new Set(['integer', 'int', 'bigint']);
const DATE_TARGETS = new Set(['date', 'timestamp', 'date/time', 'datetime']);

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Proposes the transform that turns the source's sample values into the target type, or null
 * when they already fit (or nothing converts them all). A proposal converts every sample.
 */
export function suggestTransform(sourceSamples: readonly string[], targetType: string): TransformSpec | null {
  const samples = sourceSamples.filter((v) => v.trim() !== '');
  if (!samples.length) return null;
  const type = targetType.toLowerCase();
  const candidates: TransformSpec[] = [];

  if (NUMERIC_TARGETS.has(type) && !samples.every((v) => PLAIN_DECIMAL.test(v))) {
    candidates.push({ kind: 'money_to_decimal' });
  } else if (INTEGER_TARGETS.has(type) && !samples.every((v) => /^-?\d+$/.test(v))) {
    candidates.push({ kind: 'to_integer' });
  } else if (DATE_TARGETS.has(type) && samples.every((v) => SLASH_DATE.test(v.trim()))) {
    candidates.push(dateSpec(samples));
  } else if (type === 'boolean') {
    candidates.push({ kind: 'to_boolean' });
  } else if (samples.some((v) => v !== v.trim())) {
    candidates.push({ kind: 'trim' });
  }
  return candidates.find((spec) => convertsAll(spec, samples)) ?? null;
}

/** `MM/DD/YYYY` (US) unless some first part exceeds 12, which only day-first dates have. */
function dateSpec(samples: string[]): TransformSpec {
  const sep = SLASH_DATE.exec(samples[0].trim())![0].match(/[/.-]/)![0];
  const dayFirst = samples.some((v) => Number(SLASH_DATE.exec(v.trim())![1]) > 12);
  return { kind: 'date_format', from: dayFirst ? `DD${sep}MM${sep}YYYY` : `MM${sep}DD${sep}YYYY` };
}

function convertsAll(spec: TransformSpec, samples: string[]): boolean {
  try {
    samples.forEach((v) => applyTransform(spec, v));
    return true;
  } catch {
    return false;
  }
}
