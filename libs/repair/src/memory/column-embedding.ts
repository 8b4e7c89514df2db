import type { EmbeddingProvider } from '@autonomos/llm';
import { tokenize } from '../matcher/tokenize';

export interface ColumnDescription {
  name: string;
  samples?: readonly string[];
}

// Squared weights of the name and the values in the cosine similarity of two columns: the
// name says what a column means, its values only how it is written.
const NAME_SHARE = 0.75;
const SAMPLES_USED = 10;

/**
 * One vector per column: the name's embedding and the values' embedding, each unit-length,
 * scaled and concatenated, so the dot product of two columns is
 * 0.75·cos(names) + 0.25·cos(values), whatever the provider.
 */
export async function embedColumns(provider: EmbeddingProvider, columns: readonly ColumnDescription[]): Promise<number[][]> {
  if (!columns.length) return [];
  const names = columns.map((c) => tokenize(c.name).join(' ') || c.name);
  const values = columns.map((c) => (c.samples ?? []).slice(0, SAMPLES_USED).map((v) => v.slice(0, 60)).join(' '));
  // Remote endpoints refuse empty inputs: a column without values gets a zero values part.
  const withValues = values.flatMap((text, i) => (text ? [i] : []));
  const vectors = await provider.embed([...names, ...withValues.map((i) => values[i])]);
  const valueVectors = new Map(withValues.map((column, n) => [column, vectors[columns.length + n]]));
  return columns.map((_, i) => {
    const name = scaled(vectors[i], Math.sqrt(NAME_SHARE));
    const value = valueVectors.get(i);
    return [...name, ...(value ? scaled(value, Math.sqrt(1 - NAME_SHARE)) : name.map(() => 0))];
  });
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function scaled(vector: readonly number[], weight: number): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector.map(() => 0) : vector.map((x) => (x / norm) * weight);
}
