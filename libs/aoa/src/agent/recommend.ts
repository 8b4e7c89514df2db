import type { DiscoveredAsset } from '../contract/discovery.contract';
import { RISK_LEVELS, type RiskLevel, type RiskScore } from '../risk/risk-scoring';

export interface Recommendation {
  /** connect_source: create a connection of `connectionKind` to bring its data in; review_asset: a reviewer should look at its risk. */
  action: 'connect_source' | 'review_asset';
  assetId: string;
  assetName: string;
  riskLevel: RiskLevel;
  connectionKind: string | null;
  reason: string;
  /** The asset in the AOD dashboard. */
  link: string;
}

export interface ScoredAsset {
  asset: DiscoveredAsset;
  risk: RiskScore;
}

// AOD vendors the AAM has a connector for, and the connection kind to create.
const CONNECTABLE: Record<string, string> = { postgres: 'postgres', supabase: 'supabase', salesforce: 'salesforce', mongodb: 'mongodb', csv: 'filesource' };

/**
 * The agent step's decision, made from the scored assets alone (no LLM: the same assets always
 * give the same advice): review every high and medium asset, riskiest first; offer to connect
 * every asset the AAM has a connector for.
 */
export function recommend(assets: readonly ScoredAsset[], dashboardUrl: string): Recommendation[] {
  const link = (id: string) => `${dashboardUrl.replace(/\/$/, '')}/assets/${encodeURIComponent(id)}`;
  const byRisk = [...assets].sort((a, b) => b.risk.score - a.risk.score || a.asset.id.localeCompare(b.asset.id));
  const reviews = byRisk
    .filter(({ risk }) => risk.level !== 'low')
    .map(({ asset, risk }): Recommendation => ({
      action: 'review_asset',
      assetId: asset.id,
      assetName: asset.name,
      riskLevel: risk.level,
      connectionKind: null,
      reason: `${risk.level} risk (score ${risk.score}): ${risk.factors.map((f) => f.detail).join(', ')}`,
      link: link(asset.id),
    }));
  const connects = byRisk
    .filter(({ asset }) => asset.vendor && CONNECTABLE[asset.vendor])
    .sort((a, b) => RISK_LEVELS.indexOf(b.risk.level) - RISK_LEVELS.indexOf(a.risk.level) || a.asset.id.localeCompare(b.asset.id))
    .map(({ asset, risk }): Recommendation => ({
      action: 'connect_source',
      assetId: asset.id,
      assetName: asset.name,
      riskLevel: risk.level,
      connectionKind: CONNECTABLE[asset.vendor!],
      reason: `${asset.vendor} ${asset.kind}: connect it as a ${CONNECTABLE[asset.vendor!]} source to sync its data${risk.level === 'low' ? '' : ' (after its review)'}`,
      link: link(asset.id),
    }));
  return [...reviews, ...connects];
}
