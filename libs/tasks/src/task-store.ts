import { RequestContext, TenantDb } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { TaskEntity } from './entities/task.entity';

/** A row of `tasks` as PostgreSQL returns it. */
interface TaskRow {
  id: string;
  tenant_id: string;
  type: string;
  payload: object;
  status: TaskEntity['status'];
  progress: number;
  progress_message: string | null;
  attempts: number;
  retries: number;
  error: string | null;
  result: object | null;
  idempotency_key: string | null;
  request_hash: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toEntity = (row: TaskRow): TaskEntity =>
  Object.assign(new TaskEntity(), {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    payload: row.payload,
    status: row.status,
    progress: row.progress,
    progressMessage: row.progress_message,
    attempts: row.attempts,
    retries: row.retries,
    error: row.error,
    result: row.result,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  });

export interface NewTask {
  id: string;
  type: string;
  payload: object;
  idempotencyKey: string | null;
  requestHash: string;
}

/**
 * The transitions every task goes through (create, start a run, progress, end a run), each one
 * round trip to PostgreSQL: the SQL functions of migration TaskTransitions set the context's
 * tenant for their own transaction, so row-level security applies, and write the state change
 * and its outbox event together. The rarer operations (cancel, retry, reads) stay on TenantDb.
 * jsonb parameters go as JSON text: pg would turn a JS array into a PostgreSQL array.
 */
@Injectable()
export class TaskStore {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  /**
   * One task of the context's tenant (row-level security), or undefined. Plain SQL rather than
   * the repository: building and mapping the query was a third of a `GET /tasks/:id`'s CPU.
   */
  async find(taskId: string): Promise<TaskEntity | undefined> {
    const [row] = await this.db.transaction((manager) => manager.query<TaskRow[]>('SELECT * FROM tasks WHERE id = $1', [taskId]));
    return row && toEntity(row);
  }

  /** The new task, or the first one created under the same idempotency key. */
  async create(task: NewTask): Promise<TaskEntity> {
    const [row] = await this.db.query<TaskRow>('SELECT * FROM task_create($1, $2, $3, $4, $5, $6, $7, $8)', [
      this.context.tenantId,
      task.id,
      task.type,
      JSON.stringify(task.payload),
      task.idempotencyKey,
      task.requestHash,
      this.context.actor.id,
      this.context.correlationId ?? null,
    ]);
    return toEntity(row);
  }

  /** Marks the task running for this delivery; undefined when there is nothing to run. */
  async start(taskId: string): Promise<TaskEntity | undefined> {
    const [row] = await this.db.query<TaskRow>('SELECT * FROM task_start($1, $2, $3)', [
      this.context.tenantId,
      taskId,
      this.context.correlationId ?? null,
    ]);
    return row && toEntity(row);
  }

  /** Records progress (0–100); false once the task is no longer running (cancelled). */
  async progress(taskId: string, progress: number, message: string | null): Promise<boolean> {
    const [{ running }] = await this.db.query<{ running: boolean }>('SELECT task_progress($1, $2, $3, $4) AS running', [
      this.context.tenantId,
      taskId,
      progress,
      message,
    ]);
    return running;
  }

  /** Moves a running task on; false when it was no longer running (cancelled meanwhile). */
  async endRun(taskId: string, status: 'succeeded' | 'failed' | 'queued', outcome: { result?: object; error?: string }): Promise<boolean> {
    const [{ moved }] = await this.db.query<{ moved: boolean }>('SELECT task_end_run($1, $2, $3, $4, $5, $6) AS moved', [
      this.context.tenantId,
      taskId,
      status,
      outcome.result === undefined ? null : JSON.stringify(outcome.result),
      outcome.error ?? null,
      this.context.correlationId ?? null,
    ]);
    return moved;
  }
}
