import type { TaskView } from '@autonomos/tasks';
import { Command } from '@nestjs/cqrs';

/** Starts a `dcl.refresh` task for one view (or all); follow it under /tasks. */
export class StartRefreshCommand extends Command<TaskView> {
  constructor(
    readonly view: string | undefined,
    readonly full: boolean,
  ) {
    super();
  }
}
