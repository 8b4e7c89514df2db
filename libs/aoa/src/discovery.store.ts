import { Outbox, RequestContext, TenantDb } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Recommendation, ScoredAsset } from './agent/recommend';
import { AssetEntity } from './entities/asset.entity';
import { DiscoveryEntity } from './entities/discovery.entity';
import { DiscoveryCompleted } from './events/discovery-completed.event';
import { levelStats, LevelStats } from './risk/risk-scoring';

const ROWS_PER_STATEMENT = 500;

export interface DiscoveryRecord {
  scope: 'query' | 'full';
  query: string;
  requestId: string;
  assets: ScoredAsset[];
  recommendations: Recommendation[];
}

/**
 * Stores a discovery, its assets (one row per AOD asset id: a later discovery updates it) and
 * its event in one transaction, so a failure leaves nothing half-stored.
 */
@Injectable()
export class DiscoveryStore {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly outbox: Outbox,
  ) {}

  async record({ scope, query, requestId, assets, recommendations }: DiscoveryRecord): Promise<{ discoveryId: string; levels: LevelStats }> {
    const tenantId = this.context.tenantId;
    const discoveryId = randomUUID();
    // The same asset twice in one answer is stored once (the last description wins).
    const unique = [...new Map(assets.map((a) => [a.asset.id, a])).values()];
    const levels = levelStats(unique.map((a) => a.risk.level));
    await this.db.transaction(async (manager) => {
      await manager.insert(DiscoveryEntity, {
        id: discoveryId,
        tenantId,
        scope,
        query,
        requestId,
        correlationId: this.context.correlationId ?? null,
        assetCount: unique.length,
        levels,
        recommendations,
        requestedById: this.context.actor.id,
      });
      for (let start = 0; start < unique.length; start += ROWS_PER_STATEMENT) {
        const rows = unique.slice(start, start + ROWS_PER_STATEMENT).map(({ asset, risk }) => ({
          id: randomUUID(),
          tenantId,
          assetId: asset.id,
          name: asset.name,
          attributes: asset,
          riskScore: risk.score,
          riskLevel: risk.level,
          riskFactors: risk.factors,
          lastDiscoveryId: discoveryId,
        }));
        await manager
          .createQueryBuilder()
          .insert()
          .into(AssetEntity)
          .values(rows)
          .orUpdate(['name', 'attributes', 'risk_score', 'risk_level', 'risk_factors', 'last_discovery_id', 'updated_at'], ['tenant_id', 'asset_id'])
          .execute();
      }
      await this.outbox.add(manager, 'aoa_discovery', new DiscoveryCompleted(tenantId, discoveryId, scope, unique.length, levels, recommendations.length));
    });
    return { discoveryId, levels };
  }

  /** Remembers which HITL item reviews each asset. */
  async linkReviews(links: { assetId: string; itemId: string }[]): Promise<void> {
    if (links.length === 0) return;
    await this.db.transaction((manager) =>
      manager.query(
        `UPDATE aoa_assets a SET review_item_id = l.item_id FROM unnest($1::text[], $2::uuid[]) AS l(asset_id, item_id) WHERE a.asset_id = l.asset_id`,
        [links.map((l) => l.assetId), links.map((l) => l.itemId)],
      ),
    );
  }
}
