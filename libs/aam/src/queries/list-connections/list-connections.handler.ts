import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toConnectionView } from '../../aam.views';
import { ConnectionEntity } from '../../entities/connection.entity';
import { ListConnectionsQuery } from './list-connections.query';

@QueryHandler(ListConnectionsQuery)
export class ListConnectionsHandler implements IQueryHandler<ListConnectionsQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute() {
    const connections = await this.db.transaction((manager) => manager.find(ConnectionEntity, { order: { createdAt: 'ASC', id: 'ASC' } }));
    return connections.map(toConnectionView);
  }
}
