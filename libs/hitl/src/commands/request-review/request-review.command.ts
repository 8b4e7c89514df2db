import { Command } from '@nestjs/cqrs';
import type { ReviewKind, ReviewRisk } from '../../entities/review-item.entity';

export interface ReviewRequest {
  kind: ReviewKind;
  /** Idempotency key: the same subject is queued once (e.g. `repair:<id>`, `asset:<id>`). */
  subjectKey: string;
  title: string;
  risk: ReviewRisk;
  connectionId?: string | null;
  stream?: string | null;
  payload: Record<string, unknown>;
}

/**
 * Queues an item for a reviewer (ReviewRequested through the outbox). Requested by the actor
 * in context, who then may not approve it. Idempotent on subjectKey: `created` is false and
 * the first item is returned when it was queued already.
 */
export class RequestReviewCommand extends Command<{ itemId: string; created: boolean }> {
  constructor(readonly request: ReviewRequest) {
    super();
  }
}
