import { CreateTaskCommand } from '@autonomos/tasks';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PIPELINE_RUN } from '../../sagas/pipeline-run/pipeline-run.task';
import { StartRunCommand } from './start-run.command';

@CommandHandler(StartRunCommand)
export class StartRunHandler implements ICommandHandler<StartRunCommand> {
  constructor(private readonly commands: CommandBus) {}

  async execute({ mode }: StartRunCommand) {
    const { task } = await this.commands.execute(new CreateTaskCommand(PIPELINE_RUN, { mode }));
    return task;
  }
}
