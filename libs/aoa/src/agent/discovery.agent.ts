import { AppConfig } from '@autonomos/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryHandoff, issuePath } from '../contract/discovery.contract';
import { aoaErrors } from '../aoa.errors';
import { scoreAsset } from '../risk/risk-scoring';
import { recommend, Recommendation, ScoredAsset } from './recommend';

/** The agent step: takes the hand-off (checked against the contract), scores each asset, advises. */
@Injectable()
export class DiscoveryAgent {
  private readonly logger = new Logger('DiscoveryAgent');

  constructor(private readonly config: AppConfig) {}

  handle(handoff: DiscoveryHandoff): { assets: ScoredAsset[]; recommendations: Recommendation[] } {
    const checked = DiscoveryHandoff.safeParse(handoff);
    if (!checked.success) throw aoaErrors.offContract(checked.error.issues.map((i) => ({ field: `handoff.${issuePath(i.path)}`, message: i.message })));
    const { correlationId, tenantId, scope, requestId, scannedAt } = checked.data;
    this.logger.log({ correlationId, tenantId, scope, requestId, assets: checked.data.assets.length }, 'hand-off to the agent');
    const assets = checked.data.assets.map((asset) => ({ asset, risk: scoreAsset(asset, scannedAt) }));
    return { assets, recommendations: recommend(assets, this.config.get('AOD_DASHBOARD_URL')) };
  }
}
