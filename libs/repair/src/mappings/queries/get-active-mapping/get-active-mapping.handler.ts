import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MappingStore } from '../../mapping.store';
import { ActiveMapping } from '../../mapping.types';
import { GetActiveMappingQuery } from './get-active-mapping.query';

@QueryHandler(GetActiveMappingQuery)
export class GetActiveMappingHandler implements IQueryHandler<GetActiveMappingQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly store: MappingStore,
  ) {}

  async execute({ connectionId, stream }: GetActiveMappingQuery): Promise<ActiveMapping | null> {
    const active = await this.db.transaction((manager) => this.store.active(manager, { connectionId, stream }));
    if (!active) return null;
    const { mapping, version } = active;
    return { mappingId: mapping.id, version: version.version, connectionId, stream, entity: version.entity, fields: version.fields };
  }
}
