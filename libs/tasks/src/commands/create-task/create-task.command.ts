import { Command } from '@nestjs/cqrs';
import type { TaskView } from '../../task-view';

export class CreateTaskCommand extends Command<{ task: TaskView; created: boolean }> {
  constructor(
    readonly type: string,
    readonly payload: unknown,
    /** Same key and same request ⇒ the first task; same key, other request ⇒ 409. */
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
