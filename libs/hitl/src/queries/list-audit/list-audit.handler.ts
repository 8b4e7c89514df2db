import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditEntryEntity } from '../../entities/audit-entry.entity';
import { toAuditEntryView } from '../../hitl.views';
import { decodeCursor, encodeCursor } from '../../paging';
import { ListAuditQuery } from './list-audit.query';

const COLUMNS = { action: 'action', actorId: 'actor_id', subjectType: 'subject_type', subjectId: 'subject_id' } as const;

@QueryHandler(ListAuditQuery)
export class ListAuditHandler implements IQueryHandler<ListAuditQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ filter, limit, cursor }: ListAuditQuery) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const entries = await this.db.transaction((manager) => {
      const query = manager.createQueryBuilder(AuditEntryEntity, 'a').orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(limit + 1);
      for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
        if (filter[key]) query.andWhere(`a.${column} = :${key}`, { [key]: filter[key] });
      }
      if (filter.since) query.andWhere('a.created_at >= :since', { since: filter.since });
      if (filter.until) query.andWhere('a.created_at < :until', { until: filter.until });
      if (after) query.andWhere('(a.created_at, a.id) < (:at, :id::bigint)', after);
      return query.getMany();
    });
    const page = entries.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toAuditEntryView), nextCursor: entries.length > limit ? encodeCursor(last.createdAt, last.id) : null };
  }
}
