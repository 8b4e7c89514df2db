import type { DataClass, DiscoveredAsset } from '../contract/discovery.contract';

export type RiskLevel = 'high' | 'medium' | 'low';
export const RISK_LEVELS: readonly RiskLevel[] = ['high', 'medium', 'low'];

export interface RiskFactor {
  factor: 'sensitivity' | 'exposure' | 'unencrypted' | 'owner_missing' | 'review_overdue';
  points: number;
  detail: string;
}

export interface RiskScore {
  score: number;
  level: RiskLevel;
  factors: RiskFactor[];
}

/**
 * The risk rule: points from the asset's attributes, added up, then cut into levels.
 *
 *   sensitivity (its most sensitive data class): credentials 4, health 4, pii 3, financial 3,
 *                                                confidential 2, internal 1, public 0
 *   exposure:       public 3, partner 2, internal 0, private 0 (reachable from outside or not)
 *   not encrypted:  3 when it holds sensitive data (credentials, health, pii, financial), else 1
 *   no owner:       1
 *   review overdue: 1 when never reviewed or last reviewed over a year before AOD's snapshot
 *
 *   high ≥ 6, medium ≥ 4, low below
 *
 * So personal data on a public endpoint, or stored unencrypted, is high on its own; personal
 * data kept internal needs one more lapse (no owner, review overdue) to be medium.
 *
 * Pure and deterministic: the same attributes (and snapshot time) always give the same level.
 * Calibrated on the generated typical estate (demo/estate.ts) to about 15% high, 25% medium,
 * 60% low; risk-scoring.spec.ts measures it.
 */
export const HIGH_AT = 6;
export const MEDIUM_AT = 4;

const SENSITIVITY: Record<DataClass, number> = { credentials: 4, health: 4, pii: 3, financial: 3, confidential: 2, internal: 1, public: 0 };
const EXPOSURE: Record<DiscoveredAsset['exposure'], number> = { public: 3, partner: 2, internal: 0, private: 0 };
const SENSITIVE: readonly DataClass[] = ['credentials', 'health', 'pii', 'financial'];
const REVIEW_EVERY_MS = 365 * 86_400_000;

export function scoreAsset(asset: DiscoveredAsset, scannedAt: string): RiskScore {
  const factors: RiskFactor[] = [];
  const add = (factor: RiskFactor['factor'], points: number, detail: string) => points > 0 && factors.push({ factor, points, detail });

  const top = [...asset.dataClasses].sort((a, b) => SENSITIVITY[b] - SENSITIVITY[a])[0];
  if (top) add('sensitivity', SENSITIVITY[top], `holds ${top} data`);
  add('exposure', EXPOSURE[asset.exposure], `exposed: ${asset.exposure}`);
  if (!asset.encrypted) {
    const sensitive = asset.dataClasses.some((c) => SENSITIVE.includes(c));
    add('unencrypted', sensitive ? 3 : 1, sensitive ? 'sensitive data stored unencrypted' : 'stored unencrypted');
  }
  if (!asset.owner) add('owner_missing', 1, 'no owner');
  const reviewed = asset.lastReviewedAt ? Date.parse(asset.lastReviewedAt) : undefined;
  if (reviewed === undefined) add('review_overdue', 1, 'never reviewed');
  else if (Date.parse(scannedAt) - reviewed > REVIEW_EVERY_MS) add('review_overdue', 1, `last reviewed ${asset.lastReviewedAt!.slice(0, 10)}`);

  const score = factors.reduce((sum, f) => sum + f.points, 0);
  return { score, level: score >= HIGH_AT ? 'high' : score >= MEDIUM_AT ? 'medium' : 'low', factors };
}

export type LevelStats = Record<RiskLevel, { count: number; percent: number }>;

/** Count and share (one decimal) per level. */
export function levelStats(levels: readonly RiskLevel[]): LevelStats {
  const stats = {} as LevelStats;
  for (const level of RISK_LEVELS) {
    const count = levels.filter((l) => l === level).length;
    stats[level] = { count, percent: levels.length ? Math.round((count / levels.length) * 1000) / 10 : 0 };
  }
  return stats;
}
