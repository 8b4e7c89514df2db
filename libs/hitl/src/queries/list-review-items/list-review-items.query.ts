import { Query } from '@nestjs/cqrs';
import type { ReviewKind, ReviewRisk, ReviewStatus } from '../../entities/review-item.entity';
import type { ReviewItemView } from '../../hitl.views';
import type { Page } from '../../paging';

export interface ReviewItemFilter {
  status?: ReviewStatus;
  kind?: ReviewKind;
  risk?: ReviewRisk;
  connectionId?: string;
}

/** The review queue, newest first, keyset-paginated. */
export class ListReviewItemsQuery extends Query<Page<ReviewItemView>> {
  constructor(
    readonly filter: ReviewItemFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
