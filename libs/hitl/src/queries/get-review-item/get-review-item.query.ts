import { Query } from '@nestjs/cqrs';
import type { ReviewItemView } from '../../hitl.views';

/** One item of the caller's tenant (404 for another tenant's). */
export class GetReviewItemQuery extends Query<ReviewItemView> {
  constructor(readonly id: string) {
    super();
  }
}
