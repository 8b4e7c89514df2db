import { publishTenantEvent, REDIS, RequestContext } from '@autonomos/platform';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { TaskEntity } from '../../entities/task.entity';
import { TaskStore } from '../../task-store';
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
    private readonly context: RequestContext,
    private readonly registry: TaskTypeRegistry,
    private readonly store: TaskStore,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async execute({ taskId, attempt, maxAttempts }: RunTaskCommand): Promise<RunOutcome> {
    const task = await this.store.start(taskId);
    if (!task) return 'skipped';
    const taskType = this.registry.get(task.type);
    try {
      const result = await taskType.run(task.payload, this.runContext(task));
      await this.store.endRun(task.id, 'succeeded', { result: result ?? {} });
      return 'succeeded';
    } catch (error) {
      if (error instanceof TaskCancelledError) return 'cancelled';
      const message = error instanceof Error ? error.message : String(error);
      // Before the last attempt BullMQ retries with backoff; the task waits as queued, showing why.
      await this.store.endRun(task.id, attempt < maxAttempts ? 'queued' : 'failed', { error: message });
      throw error;
    }
  }

  private runContext(task: TaskEntity): TaskRunContext {
    return {
      taskId: task.id,
      tenantId: task.tenantId,
      attempt: task.attempts,
      progress: async (percent, message) => {
        const progress = Math.max(0, Math.min(100, Math.round(percent)));
        if (!(await this.store.progress(task.id, progress, message ?? null))) throw new TaskCancelledError();
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
}
