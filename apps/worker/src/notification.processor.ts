import { DeliverNotificationCommand, NOTIFICATIONS_QUEUE, NotificationJobData } from '@autonomos/notifications';
import { RequestContext, systemActor } from '@autonomos/platform';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Job } from 'bullmq';

/** Re-enters the delivery's tenant and hands it to the notifications domain; BullMQ retries with backoff. */
@Processor(NOTIFICATIONS_QUEUE, { concurrency: 4 })
export class NotificationProcessor extends WorkerHost {
  constructor(
    private readonly commands: CommandBus,
    private readonly context: RequestContext,
  ) {
    super();
  }

  process(job: Job<NotificationJobData>): Promise<void> {
    const { tenantId, deliveryId } = job.data;
    return this.context.run(tenantId, systemActor('notifier'), () =>
      this.commands.execute(new DeliverNotificationCommand(deliveryId, job.attemptsMade + 1, job.opts.attempts ?? 1)),
    );
  }
}
