import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toAuditEventView } from '../../aam.views';
import { findConnection } from '../../connection.lookup';
import { AuditEventEntity } from '../../entities/audit-event.entity';
import { decodeCursor, encodeCursor } from '../../paging';
import { ListEventsQuery } from './list-events.query';

@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ connectionId, stream, limit, cursor }: ListEventsQuery) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const events = await this.db.transaction(async (manager) => {
      await findConnection(manager, connectionId);
      const query = manager
        .createQueryBuilder(AuditEventEntity, 'e')
        .where('e.connection_id = :connectionId', { connectionId })
        .orderBy('e.ingested_at', 'DESC')
        .addOrderBy('e.event_id', 'DESC')
        .limit(limit + 1);
      if (stream) query.andWhere('e.stream = :stream', { stream });
      if (after) query.andWhere('(e.ingested_at, e.event_id) < (:at, :id)', after);
      return query.getMany();
    });
    const page = events.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toAuditEventView), nextCursor: events.length > limit ? encodeCursor(last.ingestedAt, last.eventId) : null };
  }
}
