import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TaskType } from '../task-type-registry';

export class DemoEchoPayload {
  @IsString()
  @MaxLength(1000)
  message: string;

  /** Progress steps to report; with stepMs, how long the task runs. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  steps?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  stepMs?: number;

  /** Fail the first N runs: shows retries with backoff, and an operator's retry. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  failAttempts?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The platform's own task: echoes its message after reporting progress. Used by the demo and tests. */
export const demoEchoTask: TaskType<DemoEchoPayload> = {
  type: 'demo.echo',
  payload: DemoEchoPayload,
  async run({ message, steps = 0, stepMs = 0, failAttempts = 0 }, context) {
    if (context.attempt <= failAttempts) throw new Error(`demo failure on attempt ${context.attempt}`);
    for (let step = 1; step <= steps; step++) {
      await sleep(stepMs);
      await context.progress((step / steps) * 100, `step ${step} of ${steps}`);
    }
    return { echo: message, steps, attempt: context.attempt };
  },
};
