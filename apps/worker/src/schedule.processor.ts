import { RequestContext, systemActor } from '@autonomos/platform';
import { SAGA_SCHEDULES_QUEUE, SAGA_TASKS, SagaName, ScheduledSagaJob } from '@autonomos/repair';
import { CreateTaskCommand } from '@autonomos/tasks';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Job } from 'bullmq';

/** A schedule fired: the saga runs as a task (visible under /tasks, with progress), once per firing. */
@Processor(SAGA_SCHEDULES_QUEUE)
export class ScheduleProcessor extends WorkerHost {
  constructor(
    private readonly commands: CommandBus,
    private readonly context: RequestContext,
  ) {
    super();
  }

  async process(job: Job<ScheduledSagaJob>): Promise<void> {
    const { tenantId, saga, connectionId } = job.data;
    await this.context.run(tenantId, systemActor('scheduler'), () =>
      this.commands.execute(new CreateTaskCommand(SAGA_TASKS[saga as SagaName], { connectionId }, `schedule:${job.id}`)),
    );
  }
}
