import { applyTransform } from '../transforms';
import type { MappingChange } from './mapping-patch';

export interface SampleRow {
  before: Record<string, string>;
  after: Record<string, string | boolean | null>;
}

const ROWS = 5;

/**
 * Up to five rows built from the columns' sample values, before (source columns) and after
 * (target fields, transformed) the changes. A value that fails to convert shows as null.
 */
export function previewRows(samples: Record<string, string[]>, changes: MappingChange[]): SampleRow[] {
  const mapped = changes.filter((c) => c.action !== 'unmap');
  const count = Math.min(ROWS, Math.max(0, ...mapped.map((c) => samples[c.column]?.length ?? 0)));
  return Array.from({ length: count }, (_, i) => {
    const before: Record<string, string> = {};
    const after: Record<string, string | boolean | null> = {};
    for (const change of mapped) {
      const value = samples[change.column]?.[i];
      if (value === undefined) continue;
      before[change.column] = value;
      try {
        after[change.target] = change.transform ? applyTransform(change.transform, value) : value;
      } catch {
        after[change.target] = null;
      }
    }
    return { before, after };
  });
}
