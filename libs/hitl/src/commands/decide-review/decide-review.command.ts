import { Command } from '@nestjs/cqrs';
import type { ReviewDecision } from '../../entities/review-item.entity';
import type { ReviewItemView } from '../../hitl.views';

/** A reviewer's approve, reject or flag (escalate), with a reason and optionally an edited proposal. */
export class DecideReviewCommand extends Command<ReviewItemView> {
  constructor(
    readonly itemId: string,
    readonly decision: ReviewDecision,
    readonly reason?: string,
    readonly edited?: Record<string, unknown>,
  ) {
    super();
  }
}
