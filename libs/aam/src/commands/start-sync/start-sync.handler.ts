import { TenantDb } from '@autonomos/platform';
import { CreateTaskCommand } from '@autonomos/tasks';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { findConnection } from '../../connection.lookup';
import { StartSyncCommand } from './start-sync.command';

@CommandHandler(StartSyncCommand)
export class StartSyncHandler implements ICommandHandler<StartSyncCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly commands: CommandBus,
  ) {}

  async execute({ connectionId, mode, stream }: StartSyncCommand) {
    await this.db.transaction((manager) => findConnection(manager, connectionId));
    const { task } = await this.commands.execute(new CreateTaskCommand('aam.sync', { connectionId, mode, ...(stream ? { stream } : {}) }));
    return task;
  }
}
