import { applyTransform } from './apply-transform';
import { TransformSpec, TransformedValue } from './transform.types';

export interface PreviewRow {
  before: string;
  after?: TransformedValue;
  error?: string;
}

/** Before/after of each sample value, with the error of each value that does not convert. */
export function previewTransform(spec: TransformSpec, samples: readonly string[]): PreviewRow[] {
  return samples.map((before) => {
    try {
      return { before, after: applyTransform(spec, before) };
    } catch (err) {
      return { before, error: err instanceof Error ? err.message : String(err) };
    }
  });
}
