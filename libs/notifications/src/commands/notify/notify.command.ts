import { Command } from '@nestjs/cqrs';
import type { NotificationKind } from '../../entities/delivery.entity';

export interface Notification {
  kind: NotificationKind;
  /** The same key notifies once (a re-delivered event sends nothing twice). */
  dedupeKey: string;
  text: string;
  /** Review item to link to in the console. */
  itemId?: string;
}

/** Queues a Slack message when the tenant has a webhook; returns at once, never waits for Slack. */
export class NotifyCommand extends Command<{ deliveryId: string | null }> {
  constructor(readonly notification: Notification) {
    super();
  }
}
