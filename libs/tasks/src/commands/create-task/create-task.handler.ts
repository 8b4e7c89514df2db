import { RequestContext } from '@autonomos/platform';
import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { TaskQueue } from '../../task-queue';
import { TaskStore } from '../../task-store';
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
    private readonly context: RequestContext,
    private readonly registry: TaskTypeRegistry,
    private readonly store: TaskStore,
    private readonly queue: TaskQueue,
  ) {}

  async execute({ type, payload, idempotencyKey }: CreateTaskCommand) {
    const validPayload = await this.registry.validatePayload(type, payload);
    const requestHash = createHash('sha256').update(canonicalJson({ type, payload: validPayload })).digest('hex');
    const id = randomUUID();
    const task = await this.store.create({ id, type, payload: validPayload, idempotencyKey: idempotencyKey ?? null, requestHash });
    const created = task.id === id;
    if (!created && task.requestHash !== requestHash) throw taskErrors.idempotencyConflict();
    if (created) {
      // After commit: the worker must find the row. If Redis refuses, the reconciler enqueues it later.
      await this.queue.enqueue(this.context.tenantId, task.id, 0).catch((error: Error) => this.logger.warn(`enqueue of task ${task.id} deferred: ${error.message}`));
    }
    return { task: toTaskView(task), created };
  }
}
