import { CreateTaskCommand } from '@autonomos/tasks';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { dclErrors } from '../../dcl.errors';
import { GetDclSettingsQuery } from '../../queries/get-dcl-settings/get-dcl-settings.query';
import { StartLegacyLoadCommand } from './start-legacy-load.command';

@CommandHandler(StartLegacyLoadCommand)
export class StartLegacyLoadHandler implements ICommandHandler<StartLegacyLoadCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ connectionId, stream }: StartLegacyLoadCommand) {
    // Refused at once (409) rather than as a failed task.
    if ((await this.queries.execute(new GetDclSettingsQuery())).mode !== 'legacy') throw dclErrors.notLegacyMode();
    const { task } = await this.commands.execute(new CreateTaskCommand('dcl.legacy-load', { connectionId, ...(stream ? { stream } : {}) }));
    return task;
  }
}
