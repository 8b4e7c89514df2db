import type { TaskView } from '@autonomos/tasks';
import { Command } from '@nestjs/cqrs';

/** Queues an `aoa.run` task, the whole flow for the tenant; follow it under /tasks (progress) or live events. */
export class StartRunCommand extends Command<TaskView> {
  constructor(readonly mode: 'incremental' | 'full' = 'incremental') {
    super();
  }
}
