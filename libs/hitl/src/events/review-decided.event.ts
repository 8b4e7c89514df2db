import { IntegrationEvent, registerIntegrationEvent } from '@autonomos/platform';
import type { ReviewDecision, ReviewKind } from '../entities/review-item.entity';

/** A reviewer decided an item; the domain owning its kind applies, discards or escalates. */
export class ReviewDecided extends IntegrationEvent {
  readonly type = 'review.decided';
  constructor(
    tenantId: string,
    readonly itemId: string,
    readonly kind: ReviewKind,
    readonly subjectKey: string,
    readonly decision: ReviewDecision,
    readonly decidedBy: string,
  ) {
    super(tenantId, itemId);
  }
}
registerIntegrationEvent('review.decided', ReviewDecided);
