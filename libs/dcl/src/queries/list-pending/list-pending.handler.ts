import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ListPendingQuery, PendingGroup } from './list-pending.query';

@QueryHandler(ListPendingQuery)
export class ListPendingHandler implements IQueryHandler<ListPendingQuery> {
  constructor(private readonly db: TenantDb) {}

  execute(): Promise<PendingGroup[]> {
    return this.db.transaction((manager) =>
      manager.query(
        `SELECT connection_id AS "connectionId", stream, reason, count(*)::int AS records, min(detail) AS example
           FROM dcl_pending_records GROUP BY connection_id, stream, reason ORDER BY connection_id, stream, reason`,
      ),
    );
  }
}
