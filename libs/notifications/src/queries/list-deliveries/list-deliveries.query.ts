import { Query } from '@nestjs/cqrs';
import type { DeliveryStatus, NotificationKind } from '../../entities/delivery.entity';

export interface DeliveryView {
  id: string;
  kind: NotificationKind;
  status: DeliveryStatus;
  text: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** The tenant's latest notifications with their delivery status, newest first. */
export class ListDeliveriesQuery extends Query<DeliveryView[]> {
  constructor(
    readonly status: DeliveryStatus | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
