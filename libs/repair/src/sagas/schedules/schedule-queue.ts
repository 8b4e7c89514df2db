import { DomainError } from '@autonomos/platform';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';

export const SAGA_SCHEDULES_QUEUE = 'saga-schedules';

export interface ScheduledSagaJob {
  tenantId: string;
  saga: string;
  connectionId: string;
}

export const schedulerId = (job: ScheduledSagaJob) => `${job.saga}:${job.tenantId}:${job.connectionId}`;

/** BullMQ job schedulers: one per (tenant, saga, connection); the worker turns each firing into a task. */
@Injectable()
export class ScheduleQueue {
  constructor(@InjectQueue(SAGA_SCHEDULES_QUEUE) readonly queue: Queue<ScheduledSagaJob>) {}

  async upsert(job: ScheduledSagaJob, cron: string): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(schedulerId(job), { pattern: cron }, { name: job.saga, data: job, opts: { removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 86_400 } } });
    } catch (error) {
      throw new DomainError('invalid_cron', 'invalid', `"${cron}" is not a cron pattern: ${(error as Error).message}`, [{ field: 'cron', message: 'invalid cron pattern' }]);
    }
  }

  async remove(job: ScheduledSagaJob): Promise<void> {
    await this.queue.removeJobScheduler(schedulerId(job));
  }

  async nextRun(job: ScheduledSagaJob): Promise<string | null> {
    const scheduler = await this.queue.getJobScheduler(schedulerId(job));
    return scheduler?.next ? new Date(scheduler.next).toISOString() : null;
  }
}
