import { OWNER_DATA_SOURCE, PeriodicJob } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TaskQueue, taskJobId } from './task-queue';

const SWEEP_EVERY_MS = 15_000;

/**
 * A task is committed before its job is enqueued; if Redis refused the enqueue (or the api died
 * in between), the task would wait forever. This sweep, in the worker, enqueues queued tasks
 * that have no job. Enqueueing is idempotent by job id, so racing sweeps are harmless.
 */
@Injectable()
export class TaskReconciler extends PeriodicJob {
  constructor(
    @InjectDataSource(OWNER_DATA_SOURCE) private readonly owner: DataSource,
    private readonly queue: TaskQueue,
  ) {
    super();
  }

  protected intervalMs(): number {
    return SWEEP_EVERY_MS;
  }

  protected tick(): Promise<number> {
    return this.sweep();
  }

  async sweep(olderThanSeconds = 30): Promise<number> {
    const rows: { id: string; tenant_id: string; retries: number }[] = await this.owner.query(
      `SELECT id, tenant_id, retries FROM tasks WHERE status = 'queued' AND updated_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT 1000`,
      [olderThanSeconds],
    );
    let enqueued = 0;
    for (const row of rows) {
      if (await this.queue.queue.getJob(taskJobId(row.id, row.retries))) continue;
      await this.queue.enqueue(row.tenant_id, row.id, row.retries);
      enqueued++;
    }
    if (enqueued) this.logger.log(`enqueued ${enqueued} task(s) that had no job`);
    return enqueued;
  }
}
