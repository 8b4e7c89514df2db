import { loadConfig, RequestContext, systemActor } from '@autonomos/platform';
import { RunTaskCommand, TASKS_QUEUE, TaskJobData } from '@autonomos/tasks';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Job } from 'bullmq';

const config = loadConfig();

/** Re-enters the task's tenant and hands the job to the tasks domain; no logic of its own. */
@Processor(TASKS_QUEUE, {
  concurrency: config.WORKER_CONCURRENCY,
  // Every worker must share these, or one declares another's healthy job stalled.
  stalledInterval: config.STALLED_INTERVAL_MS,
  lockDuration: config.LOCK_DURATION_MS,
})
export class TaskProcessor extends WorkerHost {
  constructor(
    private readonly commands: CommandBus,
    private readonly context: RequestContext,
  ) {
    super();
  }

  process(job: Job<TaskJobData>): Promise<string> {
    const { tenantId, taskId } = job.data;
    return this.context.run(tenantId, systemActor('worker'), () =>
      this.commands.execute(new RunTaskCommand(taskId, job.attemptsMade + 1, job.opts.attempts ?? 1)),
    );
  }
}
