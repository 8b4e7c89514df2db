import { Query } from '@nestjs/cqrs';
import type { AssetView, Page } from '../../aoa.views';
import type { RiskLevel } from '../../risk/risk-scoring';

/** The tenant's discovered assets by AOD asset id, keyset-paginated, optionally of one risk level. */
export class ListAssetsQuery extends Query<Page<AssetView>> {
  constructor(
    readonly filter: { level?: RiskLevel },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
