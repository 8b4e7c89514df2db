import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { findConnection } from '../../connection.lookup';
import { ConnectorProvider } from '../../sync/connector.provider';
import { ListStreamsQuery } from './list-streams.query';

@QueryHandler(ListStreamsQuery)
export class ListStreamsHandler implements IQueryHandler<ListStreamsQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly connectors: ConnectorProvider,
  ) {}

  async execute({ connectionId }: ListStreamsQuery) {
    const connection = await this.db.transaction((manager) => findConnection(manager, connectionId));
    const connector = await this.connectors.open(connection);
    try {
      return await connector.listStreams();
    } finally {
      await connector.close();
    }
  }
}
