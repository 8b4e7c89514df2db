import type { Recommendation } from './agent/recommend';
import type { DiscoveredAsset } from './contract/discovery.contract';
import type { AssetEntity } from './entities/asset.entity';
import type { LevelStats, RiskScore } from './risk/risk-scoring';

export interface AssetView extends DiscoveredAsset {
  risk: RiskScore;
  reviewItemId: string | null;
  firstSeenAt: string;
  updatedAt: string;
}

export const toAssetView = (a: AssetEntity): AssetView => ({
  ...a.attributes,
  risk: { score: a.riskScore, level: a.riskLevel, factors: a.riskFactors },
  reviewItemId: a.reviewItemId,
  firstSeenAt: a.firstSeenAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export interface DiscoveryResult {
  discoveryId: string;
  requestId: string;
  correlationId: string;
  assets: (DiscoveredAsset & { risk: RiskScore })[];
  levels: LevelStats;
  recommendations: Recommendation[];
}

export interface DemoScanResult {
  discoveryId: string;
  requestId: string;
  total: number;
  levels: LevelStats;
  /** HITL items of kind `asset` for the high and medium assets: new ones, and ones queued by an earlier scan. */
  reviews: { requested: number; alreadyQueued: number };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
