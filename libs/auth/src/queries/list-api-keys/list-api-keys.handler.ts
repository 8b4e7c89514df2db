import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApiKeyEntity } from '../../entities/api-key.entity';
import { toApiKeyView } from '../../views';
import { ListApiKeysQuery } from './list-api-keys.query';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute() {
    const keys = await this.db.transaction((manager) => manager.find(ApiKeyEntity, { order: { createdAt: 'ASC' } }));
    return keys.map(toApiKeyView);
  }
}
