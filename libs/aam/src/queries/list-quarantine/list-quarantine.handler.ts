import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toQuarantinedRecordView } from '../../aam.views';
import { QuarantinedRecordEntity } from '../../entities/quarantined-record.entity';
import { decodeCursor, encodeCursor } from '../../paging';
import { ListQuarantineQuery } from './list-quarantine.query';

@QueryHandler(ListQuarantineQuery)
export class ListQuarantineHandler implements IQueryHandler<ListQuarantineQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ filter, limit, cursor }: ListQuarantineQuery) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const records = await this.db.transaction((manager) => {
      const query = manager.createQueryBuilder(QuarantinedRecordEntity, 'q').orderBy('q.created_at', 'DESC').addOrderBy('q.id', 'DESC').limit(limit + 1);
      if (filter.connectionId) query.andWhere('q.connection_id = :connectionId', filter);
      if (filter.stream) query.andWhere('q.stream = :stream', filter);
      if (filter.reason) query.andWhere('q.reason = :reason', filter);
      if (after) query.andWhere('(q.created_at, q.id) < (:at, :id)', after);
      return query.getMany();
    });
    const page = records.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toQuarantinedRecordView), nextCursor: records.length > limit ? encodeCursor(last.createdAt, last.id) : null };
  }
}
