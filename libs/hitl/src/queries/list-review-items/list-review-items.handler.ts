import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReviewItemEntity } from '../../entities/review-item.entity';
import { toReviewItemView } from '../../hitl.views';
import { decodeCursor, encodeCursor } from '../../paging';
import { ListReviewItemsQuery } from './list-review-items.query';

@QueryHandler(ListReviewItemsQuery)
export class ListReviewItemsHandler implements IQueryHandler<ListReviewItemsQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ filter, limit, cursor }: ListReviewItemsQuery) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const items = await this.db.transaction((manager) => {
      const query = manager.createQueryBuilder(ReviewItemEntity, 'r').orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit + 1);
      for (const key of ['status', 'kind', 'risk', 'connectionId'] as const) {
        if (filter[key]) query.andWhere(`r.${key === 'connectionId' ? 'connection_id' : key} = :${key}`, { [key]: filter[key] });
      }
      if (after) query.andWhere('(r.created_at, r.id) < (:at, :id)', after);
      return query.getMany();
    });
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toReviewItemView), nextCursor: items.length > limit ? encodeCursor(last.createdAt, last.id) : null };
  }
}
