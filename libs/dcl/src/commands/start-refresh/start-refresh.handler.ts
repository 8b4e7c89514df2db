import { CreateTaskCommand } from '@autonomos/tasks';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dclErrors } from '../../dcl.errors';
import { getView, VIEWS } from '../../engine/view-catalog';
import { StartRefreshCommand } from './start-refresh.command';

@CommandHandler(StartRefreshCommand)
export class StartRefreshHandler implements ICommandHandler<StartRefreshCommand> {
  constructor(private readonly commands: CommandBus) {}

  async execute({ view, full }: StartRefreshCommand) {
    if (view !== undefined && !getView(view)) throw dclErrors.viewNotFound(view, VIEWS.map((v) => v.name));
    const { task } = await this.commands.execute(new CreateTaskCommand('dcl.refresh', { ...(view ? { view } : {}), full }));
    return task;
  }
}
