import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toDriftView } from '../../aam.views';
import { DriftEntity } from '../../entities/drift.entity';
import { decodeCursor, encodeCursor } from '../../paging';
import { ListDriftsQuery } from './list-drifts.query';

@QueryHandler(ListDriftsQuery)
export class ListDriftsHandler implements IQueryHandler<ListDriftsQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ filter, limit, cursor }: ListDriftsQuery) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const drifts = await this.db.transaction((manager) => {
      const query = manager.createQueryBuilder(DriftEntity, 'd').orderBy('d.detected_at', 'DESC').addOrderBy('d.id', 'DESC').limit(limit + 1);
      if (filter.connectionId) query.andWhere('d.connection_id = :connectionId', filter);
      if (filter.stream) query.andWhere('d.stream = :stream', filter);
      if (filter.breaking !== undefined) query.andWhere('d.breaking = :breaking', filter);
      if (after) query.andWhere('(d.detected_at, d.id) < (:at, :id)', after);
      return query.getMany();
    });
    const page = drifts.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toDriftView), nextCursor: drifts.length > limit ? encodeCursor(last.detectedAt, last.id) : null };
  }
}
