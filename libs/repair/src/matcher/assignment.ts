/** One source→target pair with its score. */
export interface ScoredPair {
  source: number;
  target: number;
  score: number;
}

/**
 * One-to-one assignment, greedy by score: the best remaining pair wins, then its source and
 * target are taken. Within a factor 2 of the optimum (Hungarian) and in practice the same on
 * schema matching, where good pairs stand well above the rest. Pairs under `minScore` are left out.
 */
export function assignGreedy(pairs: readonly ScoredPair[], minScore = 0): Map<number, number> {
  const sorted = pairs.filter((p) => p.score >= minScore).sort((a, b) => b.score - a.score);
  const takenTargets = new Set<number>();
  const assigned = new Map<number, number>();
  for (const p of sorted) {
    if (assigned.has(p.source) || takenTargets.has(p.target)) continue;
    assigned.set(p.source, p.target);
    takenTargets.add(p.target);
  }
  return assigned;
}
