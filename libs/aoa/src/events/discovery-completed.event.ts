import { IntegrationEvent, registerIntegrationEvent } from '@autonomos/platform';
import type { LevelStats } from '../risk/risk-scoring';

/** A discovery was stored: live clients see it, and what follows (reviews) can react. */
export class DiscoveryCompleted extends IntegrationEvent {
  readonly type = 'aoa.discovery_completed';
  constructor(
    tenantId: string,
    readonly discoveryId: string,
    readonly scope: 'query' | 'full',
    readonly assetCount: number,
    readonly levels: LevelStats,
    readonly recommendations: number,
  ) {
    super(tenantId, discoveryId);
  }
}
registerIntegrationEvent('aoa.discovery_completed', DiscoveryCompleted);
