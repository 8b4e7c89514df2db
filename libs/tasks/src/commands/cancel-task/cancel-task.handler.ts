import { Outbox, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TaskEntity } from '../../entities/task.entity';
import { TaskStatusChanged } from '../../events/task-status-changed.event';
import { TaskQueue } from '../../task-queue';
import { toTaskView } from '../../task-view';
import { taskErrors } from '../../tasks.errors';
import { CancelTaskCommand } from './cancel-task.command';

@CommandHandler(CancelTaskCommand)
export class CancelTaskHandler implements ICommandHandler<CancelTaskCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly queue: TaskQueue,
    private readonly outbox: Outbox,
  ) {}

  async execute({ taskId }: CancelTaskCommand) {
    const task = await this.db.transaction(async (manager) => {
      const task = await manager.findOne(TaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (!task) throw taskErrors.notFound(taskId);
      if (task.status !== 'queued' && task.status !== 'running') throw taskErrors.notCancellable(task.status);
      task.status = 'cancelled';
      task.finishedAt = new Date();
      await manager.save(task);
      await this.outbox.add(manager, 'task', new TaskStatusChanged(task.tenantId, task.id, task.type, 'cancelled'));
      return task;
    });
    await this.queue.removeIfWaiting(task.id, task.retries);
    return toTaskView(task);
  }
}
