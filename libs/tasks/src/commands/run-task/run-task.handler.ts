import { Outbox, publishTenantEvent, REDIS, RequestContext, TenantDb } from '@autonomos/platform';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { TaskEntity, TaskStatus } from '../../entities/task.entity';
import { TaskStatusChanged } from '../../events/task-status-changed.event';
import { TaskRunContext, TaskTypeRegistry } from '../../task-type-registry';
import { TaskCancelledError } from '../../tasks.errors';
import { RunOutcome, RunTaskCommand } from './run-task.command';

/**
 * Runs one delivery of a task. BullMQ delivers at least once (a dead worker's job is handed to
 * another), so every transition is conditional on the current status: a task is finished once,
 * and a cancelled one is never brought back.
 */
@CommandHandler(RunTaskCommand)
export class RunTaskHandler implements ICommandHandler<RunTaskCommand> {
  private readonly logger = new Logger(RunTaskHandler.name);

  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly registry: TaskTypeRegistry,
    private readonly outbox: Outbox,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async execute({ taskId, attempt, maxAttempts }: RunTaskCommand): Promise<RunOutcome> {
    const task = await this.start(taskId);
    if (!task) return 'skipped';
    const taskType = this.registry.get(task.type);
    try {
      const result = await taskType.run(task.payload, this.runContext(task));
      await this.finish(task, 'succeeded', { result: result ?? {}, progress: 100, error: null });
      return 'succeeded';
    } catch (error) {
      if (error instanceof TaskCancelledError) return 'cancelled';
      const message = error instanceof Error ? error.message : String(error);
      if (attempt < maxAttempts) {
        // BullMQ retries with backoff; the task waits as queued, showing why.
        await this.transition(task, ['running'], 'queued', { error: message });
      } else {
        await this.finish(task, 'failed', { error: message });
      }
      throw error;
    }
  }

  private async start(taskId: string): Promise<TaskEntity | undefined> {
    return this.db.transaction(async (manager) => {
      const task = await manager.findOne(TaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      // Finished or cancelled meanwhile: this delivery has nothing to do.
      if (!task || (task.status !== 'queued' && task.status !== 'running')) return undefined;
      const wasQueued = task.status === 'queued';
      Object.assign(task, { status: 'running', attempts: task.attempts + 1, startedAt: task.startedAt ?? new Date() });
      // update, not save: save would read the row again to diff it.
      await manager.update(TaskEntity, { id: task.id }, { status: task.status, attempts: task.attempts, startedAt: task.startedAt });
      if (wasQueued) await this.outbox.add(manager, 'task', new TaskStatusChanged(task.tenantId, task.id, task.type, 'running'));
      return task;
    });
  }

  private runContext(task: TaskEntity): TaskRunContext {
    return {
      taskId: task.id,
      tenantId: task.tenantId,
      attempt: task.attempts,
      progress: async (percent, message) => {
        const progress = Math.max(0, Math.min(100, Math.round(percent)));
        const updated = await this.db.transaction((manager) =>
          manager.update(TaskEntity, { id: task.id, status: 'running' }, { progress, progressMessage: message ?? null }),
        );
        if (!updated.affected) throw new TaskCancelledError();
        // Progress is live information, not state that must survive: straight to Redis.
        await publishTenantEvent(this.redis, task.tenantId, {
          id: randomUUID(),
          type: 'task.progress',
          aggregateType: 'task',
          aggregateId: task.id,
          payload: { taskId: task.id, taskType: task.type, progress, message: message ?? null },
          correlationId: this.context.correlationId ?? null,
          occurredAt: new Date().toISOString(),
        }).catch((error: Error) => this.logger.warn(`progress event lost: ${error.message}`));
      },
    };
  }

  private finish(task: TaskEntity, status: TaskStatus, changes: Partial<TaskEntity>): Promise<boolean> {
    return this.transition(task, ['running'], status, { ...changes, finishedAt: new Date() });
  }

  private transition(task: TaskEntity, from: TaskStatus[], to: TaskStatus, changes: Partial<TaskEntity>): Promise<boolean> {
    return this.db.transaction(async (manager: EntityManager) => {
      const updated = await manager
        .createQueryBuilder()
        .update(TaskEntity)
        .set({ ...changes, status: to } as object)
        .where('id = :id AND status IN (:...from)', { id: task.id, from })
        .execute();
      if (!updated.affected) return false;
      if (to !== 'queued') await this.outbox.add(manager, 'task', new TaskStatusChanged(task.tenantId, task.id, task.type, to, changes.error ?? null));
      return true;
    });
  }
}
