import { IntegrationEvent, registerIntegrationEvent } from '@autonomos/platform';
import type { TaskStatus } from '../entities/task.entity';

/** Raised through the outbox whenever a task moves to another status. */
export class TaskStatusChanged extends IntegrationEvent {
  readonly type = 'task.status_changed';
  constructor(
    tenantId: string,
    readonly taskId: string,
    readonly taskType: string,
    readonly status: TaskStatus,
    readonly error: string | null = null,
  ) {
    super(tenantId, taskId);
  }
}
registerIntegrationEvent('task.status_changed', TaskStatusChanged);
