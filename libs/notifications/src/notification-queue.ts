import { AppConfig } from '@autonomos/platform';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';

export const NOTIFICATIONS_QUEUE = 'notifications';

export interface NotificationJobData {
  tenantId: string;
  deliveryId: string;
}

/** Deliveries run as BullMQ jobs: retried with backoff, apart from the saga that asked for them. */
@Injectable()
export class NotificationQueue {
  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) readonly queue: Queue<NotificationJobData>,
    private readonly config: AppConfig,
  ) {}

  async enqueue(tenantId: string, deliveryId: string): Promise<void> {
    await this.queue.add('deliver', { tenantId, deliveryId }, {
      jobId: deliveryId,
      attempts: this.config.get('NOTIFY_ATTEMPTS'),
      backoff: { type: 'exponential', delay: this.config.get('NOTIFY_BACKOFF_MS') },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }
}
