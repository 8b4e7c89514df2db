import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MappingEntity } from '../../entities/mapping.entity';
import { MappingVersionEntity } from '../../entities/mapping-version.entity';
import { toMappingView } from '../../mapping.views';
import { ListMappingsQuery } from './list-mappings.query';

@QueryHandler(ListMappingsQuery)
export class ListMappingsHandler implements IQueryHandler<ListMappingsQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ filter }: ListMappingsQuery) {
    return this.db.transaction(async (manager) => {
      const query = manager
        .createQueryBuilder(MappingEntity, 'm')
        .innerJoinAndMapOne('m.active', MappingVersionEntity, 'v', 'v.mapping_id = m.id AND v.version = m.version')
        .orderBy('m.connection_id')
        .addOrderBy('m.stream');
      if (filter.connectionId) query.andWhere('m.connection_id = :connectionId', filter);
      if (filter.stream) query.andWhere('m.stream = :stream', filter);
      const rows = (await query.getMany()) as Array<MappingEntity & { active: MappingVersionEntity }>;
      return rows.map((m) => toMappingView(m, m.active));
    });
  }
}
