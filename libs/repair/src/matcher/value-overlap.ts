import { ValueProfile } from './value-profile';

/**
 * How well the source's values fit the target's sample values, in [0,1]: the share of distinct
 * source values found among the target's (the strongest sign of a renamed column), falling back
 * to shared words inside values and, for numbers, to similar ranges. Null when a side has no values.
 */
export function valueOverlap(source: ValueProfile, target: ValueProfile): number | null {
  if (!source.distinct.size || !target.distinct.size) return null;
  return combine(source, target, countIn(source.distinct, target.distinct), countIn(source.words, target.words));
}

/**
 * valueOverlap of one source against many targets at once: an inverted index from value to
 * targets makes the cost follow the source's values, not values × targets.
 */
export class ValueIndex {
  private readonly byValue = new Map<string, number[]>();
  private readonly byWord = new Map<string, number[]>();

  constructor(private readonly targets: readonly ValueProfile[]) {
    targets.forEach((t, i) => {
      for (const v of t.distinct) push(this.byValue, v, i);
      for (const w of t.words) push(this.byWord, w, i);
    });
  }

  /** One overlap per target, in target order (null where a side has no values). */
  overlaps(source: ValueProfile): Array<number | null> {
    const valueHits = new Int32Array(this.targets.length);
    const wordHits = new Int32Array(this.targets.length);
    for (const v of source.distinct) for (const i of this.byValue.get(v) ?? []) valueHits[i]++;
    for (const w of source.words) for (const i of this.byWord.get(w) ?? []) wordHits[i]++;
    return this.targets.map((t, i) =>
      source.distinct.size && t.distinct.size ? combine(source, t, valueHits[i], wordHits[i]) : null,
    );
  }
}

function combine(source: ValueProfile, target: ValueProfile, valueHits: number, wordHits: number): number {
  const exact = valueHits / source.distinct.size;
  const words = source.words.size ? wordHits / source.words.size : 0;
  return Math.max(exact, 0.6 * words, 0.5 * rangeSimilarity(source.numbers, target.numbers));
}

function countIn(values: Set<string>, pool: Set<string>): number {
  let n = 0;
  for (const v of values) if (pool.has(v)) n++;
  return n;
}

function push(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
}

/** Overlap of the two value ranges over their union, 0 when either side has fewer than two numbers. */
export function rangeSimilarity(a: number[], b: number[]): number {
  if (a.length < 2 || b.length < 2) return 0;
  const [amin, amax] = bounds(a);
  const [bmin, bmax] = bounds(b);
  const union = Math.max(amax, bmax) - Math.min(amin, bmin);
  if (union === 0) return 1;
  return Math.max(0, Math.min(amax, bmax) - Math.max(amin, bmin)) / union;
}

function bounds(xs: number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return [min, max];
}
