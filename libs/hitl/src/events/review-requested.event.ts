import { IntegrationEvent, registerIntegrationEvent } from '@autonomos/platform';
import type { ReviewKind, ReviewRisk } from '../entities/review-item.entity';

/** A review item was queued (notifications and live clients react). */
export class ReviewRequested extends IntegrationEvent {
  readonly type = 'review.requested';
  constructor(
    tenantId: string,
    readonly itemId: string,
    readonly kind: ReviewKind,
    readonly risk: ReviewRisk,
    readonly title: string,
    readonly connectionId: string | null,
    readonly stream: string | null,
  ) {
    super(tenantId, itemId);
  }
}
registerIntegrationEvent('review.requested', ReviewRequested);
