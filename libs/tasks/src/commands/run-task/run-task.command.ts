import { Command } from '@nestjs/cqrs';

export type RunOutcome = 'succeeded' | 'skipped' | 'cancelled';

/** Dispatched by the worker's processor for each BullMQ delivery of a task's job. */
export class RunTaskCommand extends Command<RunOutcome> {
  constructor(
    readonly taskId: string,
    /** 1-based delivery attempt of this job, and how many it may have. */
    readonly attempt: number,
    readonly maxAttempts: number,
  ) {
    super();
  }
}
