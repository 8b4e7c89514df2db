import { Command } from '@nestjs/cqrs';
import type { TaskView } from '../../task-view';

export class CancelTaskCommand extends Command<TaskView> {
  constructor(readonly taskId: string) {
    super();
  }
}
