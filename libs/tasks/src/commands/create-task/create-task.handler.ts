import { Outbox, RequestContext, TenantDb } from '@autonomos/platform';
import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TaskEntity } from '../../entities/task.entity';
import { TaskStatusChanged } from '../../events/task-status-changed.event';
import { TaskQueue } from '../../task-queue';
import { TaskTypeRegistry } from '../../task-type-registry';
import { toTaskView } from '../../task-view';
import { taskErrors } from '../../tasks.errors';
import { CreateTaskCommand } from './create-task.command';

/** Stable JSON (sorted keys), so the same request always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler implements ICommandHandler<CreateTaskCommand> {
  private readonly logger = new Logger(CreateTaskHandler.name);

  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly registry: TaskTypeRegistry,
    private readonly queue: TaskQueue,
    private readonly outbox: Outbox,
  ) {}

  async execute({ type, payload, idempotencyKey }: CreateTaskCommand) {
    const validPayload = await this.registry.validatePayload(type, payload);
    const requestHash = createHash('sha256').update(canonicalJson({ type, payload: validPayload })).digest('hex');
    const tenantId = this.context.tenantId;
    const { task, created } = await this.db.transaction(async (manager) => {
      const task = manager.create(TaskEntity, {
        id: randomUUID(),
        tenantId,
        type,
        payload: validPayload,
        status: 'queued',
        progress: 0,
        progressMessage: null,
        attempts: 0,
        retries: 0,
        error: null,
        result: null,
        idempotencyKey: idempotencyKey ?? null,
        requestHash,
        createdBy: this.context.actor.id,
        startedAt: null,
        finishedAt: null,
      });
      const inserted = await manager.createQueryBuilder().insert().into(TaskEntity).values(task as QueryDeepPartialEntity<TaskEntity>).orIgnore().returning(['created_at', 'updated_at']).execute();
      if (inserted.raw.length === 0) {
        const first = await manager.findOneOrFail(TaskEntity, { where: { idempotencyKey } });
        if (first.requestHash !== requestHash) throw taskErrors.idempotencyConflict();
        return { task: first, created: false };
      }
      Object.assign(task, { createdAt: inserted.raw[0].created_at, updatedAt: inserted.raw[0].updated_at });
      await this.outbox.add(manager, 'task', new TaskStatusChanged(tenantId, task.id, type, 'queued'));
      return { task, created: true };
    });
    if (created) {
      // After commit: the worker must find the row. If Redis refuses, the reconciler enqueues it later.
      await this.queue.enqueue(tenantId, task.id, 0).catch((error: Error) => this.logger.warn(`enqueue of task ${task.id} deferred: ${error.message}`));
    }
    return { task: toTaskView(task), created };
  }
}
