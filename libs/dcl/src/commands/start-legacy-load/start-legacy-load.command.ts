import type { TaskView } from '@autonomos/tasks';
import { Command } from '@nestjs/cqrs';

/** Starts a `dcl.legacy-load` task for a connection (legacy mode only); follow it under /tasks. */
export class StartLegacyLoadCommand extends Command<TaskView> {
  constructor(
    readonly connectionId: string,
    readonly stream?: string,
  ) {
    super();
  }
}
