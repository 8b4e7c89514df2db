import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MappingEntity } from '../../entities/mapping.entity';
import { MappingVersionEntity } from '../../entities/mapping-version.entity';
import { mappingErrors } from '../../mappings.errors';
import { toMappingVersionView } from '../../mapping.views';
import { GetMappingHistoryQuery } from './get-mapping-history.query';

@QueryHandler(GetMappingHistoryQuery)
export class GetMappingHistoryHandler implements IQueryHandler<GetMappingHistoryQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ mappingId }: GetMappingHistoryQuery) {
    return this.db.transaction(async (manager) => {
      const mapping = await manager.findOne(MappingEntity, { where: { id: mappingId } });
      if (!mapping) throw mappingErrors.notFound(mappingId);
      const versions = await manager.find(MappingVersionEntity, { where: { mappingId }, order: { version: 'DESC' } });
      return versions.map((v) => toMappingVersionView(v, mapping.version));
    });
  }
}
