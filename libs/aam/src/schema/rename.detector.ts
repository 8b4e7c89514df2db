import { typeFamily } from './logical-type.lattice';
import { ColumnSchema } from './schema.types';
import { normalizeValue } from './value.classifier';

export interface LikelyRename {
  from: string;
  to: string;
  /** Combined evidence in [0, 1]. */
  confidence: number;
  /** Token similarity of the two names in [0, 1]. */
  nameSimilarity: number;
  /** Share of sample values the two columns have in common, after normalising numbers, in [0, 1]. */
  valueOverlap: number;
}

/** Below this a removed/added pair is reported as a removal and an addition. */
export const RENAME_THRESHOLD = 0.6;

/**
 * Pairs removed with added columns one-to-one, best evidence first. Names and values are
 * independent evidence, combined as a noisy-OR: either alone can carry a rename ("amount" →
 * "cost_usd" has the same amounts; "service" → "service_name" the same name tokens), both
 * together make it near certain. Neither alone reaches 1.
 */
export function detectRenames(removed: readonly ColumnSchema[], added: readonly ColumnSchema[]): LikelyRename[] {
  const candidates: LikelyRename[] = removed.flatMap((from) =>
    added.map((to) => {
      const nameSimilarity = nameSimilarityOf(from.name, to.name);
      const valueOverlap = valueOverlapOf(from, to);
      let confidence = 1 - (1 - 0.9 * nameSimilarity) * (1 - 0.9 * valueOverlap);
      // Columns that hold different kinds of values (a date and an amount) rarely are one column.
      if (from.type !== 'unknown' && to.type !== 'unknown' && typeFamily(from.type) !== typeFamily(to.type)) confidence /= 2;
      return {
        from: from.name,
        to: to.name,
        confidence: round(confidence),
        nameSimilarity: round(nameSimilarity),
        valueOverlap: round(valueOverlap),
      };
    }),
  );
  // Stable sort: equal confidences keep column order, so the result is deterministic.
  candidates.sort((a, b) => b.confidence - a.confidence);

  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  const renames: LikelyRename[] = [];
  for (const candidate of candidates) {
    if (candidate.confidence < RENAME_THRESHOLD || usedFrom.has(candidate.from) || usedTo.has(candidate.to)) continue;
    usedFrom.add(candidate.from);
    usedTo.add(candidate.to);
    renames.push(candidate);
  }
  return renames;
}

/** "billingPeriodStart", "billing_period_start" and "Billing Period Start" give the same tokens. */
function nameTokens(name: string): Set<string> {
  return new Set(
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

/** Mean of the overlap coefficient (one name contained in the other) and Jaccard (how much is extra). */
function nameSimilarityOf(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.size === 0 || right.size === 0) return 0;
  const shared = [...left].filter((t) => right.has(t)).length;
  const overlap = shared / Math.min(left.size, right.size);
  const jaccard = shared / (left.size + right.size - shared);
  return (overlap + jaccard) / 2;
}

function valueOverlapOf(a: ColumnSchema, b: ColumnSchema): number {
  const left = new Set(a.profile.samples.map(normalizeValue));
  const right = new Set(b.profile.samples.map(normalizeValue));
  const smaller = Math.min(left.size, right.size);
  if (smaller === 0) return 0;
  const shared = [...left].filter((v) => right.has(v)).length;
  // Two columns of "true"/"false" or a single currency agree without being the same column.
  const distinctiveness = smaller < 3 ? 0.5 : 1;
  return (shared / smaller) * distinctiveness;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
