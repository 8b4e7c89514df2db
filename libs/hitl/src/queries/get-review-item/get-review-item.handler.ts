import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReviewItemEntity } from '../../entities/review-item.entity';
import { hitlErrors } from '../../hitl.errors';
import { toReviewItemView } from '../../hitl.views';
import { GetReviewItemQuery } from './get-review-item.query';

@QueryHandler(GetReviewItemQuery)
export class GetReviewItemHandler implements IQueryHandler<GetReviewItemQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ id }: GetReviewItemQuery) {
    const item = await this.db.transaction((manager) => manager.findOne(ReviewItemEntity, { where: { id } }));
    if (!item) throw hitlErrors.itemNotFound(id);
    return toReviewItemView(item);
  }
}
