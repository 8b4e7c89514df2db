import { TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rm } from 'node:fs/promises';
import { findConnection } from '../../connection.lookup';
import { ConnectionEntity } from '../../entities/connection.entity';
import { ConnectorProvider } from '../../sync/connector.provider';
import { DeleteConnectionCommand } from './delete-connection.command';

@CommandHandler(DeleteConnectionCommand)
export class DeleteConnectionHandler implements ICommandHandler<DeleteConnectionCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly connectors: ConnectorProvider,
  ) {}

  async execute({ id }: DeleteConnectionCommand): Promise<void> {
    const connection = await this.db.transaction(async (manager) => {
      const found = await findConnection(manager, id);
      await manager.delete(ConnectionEntity, { id });
      return found;
    });
    await rm(this.connectors.uploadDir(connection.tenantId, connection.id), { recursive: true, force: true });
  }
}
