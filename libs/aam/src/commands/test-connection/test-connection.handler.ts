import { TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { findConnection } from '../../connection.lookup';
import { ConnectorProvider } from '../../sync/connector.provider';
import { TestConnectionCommand } from './test-connection.command';

@CommandHandler(TestConnectionCommand)
export class TestConnectionHandler implements ICommandHandler<TestConnectionCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly connectors: ConnectorProvider,
  ) {}

  async execute({ id }: TestConnectionCommand) {
    const connection = await this.db.transaction((manager) => findConnection(manager, id));
    const connector = await this.connectors.open(connection);
    try {
      return await connector.test();
    } finally {
      await connector.close();
    }
  }
}
