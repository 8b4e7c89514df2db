import { Command } from '@nestjs/cqrs';

/** Posts one delivery to the tenant's Slack webhook; throws so the job is retried, marks it failed on the last attempt. */
export class DeliverNotificationCommand extends Command<void> {
  constructor(
    readonly deliveryId: string,
    readonly attempt: number,
    readonly maxAttempts: number,
  ) {
    super();
  }
}
