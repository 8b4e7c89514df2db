import { AppConfig } from '@autonomos/platform';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';

export const TASKS_QUEUE = 'tasks';

export interface TaskJobData {
  tenantId: string;
  taskId: string;
}

export const taskJobId = (taskId: string, retries: number) => `${taskId}-r${retries}`;

/** Hands tasks to the workers. The job id makes enqueueing the same run twice a no-op. */
@Injectable()
export class TaskQueue {
  constructor(
    @InjectQueue(TASKS_QUEUE) readonly queue: Queue<TaskJobData>,
    private readonly config: AppConfig,
  ) {}

  private options(jobId: string): JobsOptions {
    return {
      jobId,
      attempts: this.config.get('TASK_ATTEMPTS'),
      backoff: { type: 'exponential', delay: this.config.get('TASK_BACKOFF_MS') },
      // What failed for good stays visible in PostgreSQL; Redis keeps recent jobs only.
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 86_400 },
    };
  }

  async enqueue(tenantId: string, taskId: string, retries: number): Promise<void> {
    await this.queue.add('run', { tenantId, taskId }, this.options(taskJobId(taskId, retries)));
  }

  /** Removes a job that has not started yet; a running one notices the cancellation itself. */
  async removeIfWaiting(taskId: string, retries: number): Promise<void> {
    const job = await this.queue.getJob(taskJobId(taskId, retries));
    if (job && ((await job.isWaiting()) || (await job.isDelayed()))) await job.remove().catch(() => undefined);
  }
}
