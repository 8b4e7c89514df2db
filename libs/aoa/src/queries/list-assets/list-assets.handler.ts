import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aoaErrors } from '../../aoa.errors';
import { toAssetView } from '../../aoa.views';
import { AssetEntity } from '../../entities/asset.entity';
import { ListAssetsQuery } from './list-assets.query';

const encode = (assetId: string) => Buffer.from(assetId).toString('base64url');
function decode(cursor: string): string {
  const assetId = Buffer.from(cursor, 'base64url').toString();
  if (!assetId || assetId.length > 200 || encode(assetId) !== cursor) throw aoaErrors.invalidCursor();
  return assetId;
}

@QueryHandler(ListAssetsQuery)
export class ListAssetsHandler implements IQueryHandler<ListAssetsQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ filter, limit, cursor }: ListAssetsQuery) {
    const after = cursor ? decode(cursor) : undefined;
    const assets = await this.db.transaction((manager) => {
      const query = manager.createQueryBuilder(AssetEntity, 'a').orderBy('a.asset_id', 'ASC').limit(limit + 1);
      if (filter.level) query.andWhere('a.risk_level = :level', filter);
      if (after) query.andWhere('a.asset_id > :after', { after });
      return query.getMany();
    });
    const page = assets.slice(0, limit);
    return { items: page.map(toAssetView), nextCursor: assets.length > limit ? encode(page[page.length - 1].assetId) : null };
  }
}
