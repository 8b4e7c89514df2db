import { Outbox, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TaskEntity } from '../../entities/task.entity';
import { TaskStatusChanged } from '../../events/task-status-changed.event';
import { TaskQueue } from '../../task-queue';
import { toTaskView } from '../../task-view';
import { taskErrors } from '../../tasks.errors';
import { RetryTaskCommand } from './retry-task.command';

@CommandHandler(RetryTaskCommand)
export class RetryTaskHandler implements ICommandHandler<RetryTaskCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly queue: TaskQueue,
    private readonly outbox: Outbox,
  ) {}

  async execute({ taskId }: RetryTaskCommand) {
    const task = await this.db.transaction(async (manager) => {
      const task = await manager.findOne(TaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (!task) throw taskErrors.notFound(taskId);
      if (task.status !== 'failed' && task.status !== 'cancelled') throw taskErrors.notRetryable(task.status);
      Object.assign(task, { status: 'queued', retries: task.retries + 1, progress: 0, progressMessage: null, error: null, result: null, finishedAt: null });
      await manager.save(task);
      await this.outbox.add(manager, 'task', new TaskStatusChanged(task.tenantId, task.id, task.type, 'queued'));
      return task;
    });
    await this.queue.enqueue(task.tenantId, task.id, task.retries);
    return toTaskView(task);
  }
}
