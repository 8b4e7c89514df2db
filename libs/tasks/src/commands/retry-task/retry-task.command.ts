import { Command } from '@nestjs/cqrs';
import type { TaskView } from '../../task-view';

/** Runs a failed or cancelled task again, as a new job. */
export class RetryTaskCommand extends Command<TaskView> {
  constructor(readonly taskId: string) {
    super();
  }
}
