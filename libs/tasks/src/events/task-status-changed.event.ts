import { IntegrationEvent, registerIntegrationEvent } from '@autonomos/platform';
import type { TaskStatus } from '../entities/task.entity';

/**
 * Raised through the outbox whenever a task moves to another status. Cancel and retry raise it
 * here; create, start and end of a run raise the same payload from SQL (task_status_event in
 * migration TaskTransitions), and test/tasks.e2e-spec.ts pins that payload: change both together.
 */
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
