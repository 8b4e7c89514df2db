import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditEventRow, toAuditEventView } from '../../aam.views';
import { findConnection } from '../../connection.lookup';
import { decodeCursor, encodeCursor } from '../../paging';
import { ListEventsQuery } from './list-events.query';

const SELECT = `SELECT r.event_id AS "eventId", r.record_key AS "recordKey", r.operation, r.row_number AS "rowNumber", r.line,
    r.field_values AS "fieldValues", r.quality_flags AS "qualityFlags", b.stream, b.schema_version AS "schemaVersion",
    b.columns, b.file_checksum AS "fileChecksum", b.ingested_at AS "ingestedAt"
  FROM aam_event_batches b JOIN aam_event_records r ON r.tenant_id = b.tenant_id AND r.batch_id = b.batch_id
  WHERE b.connection_id = $1 AND ($2::text IS NULL OR b.stream = $2) AND ($3::timestamptz IS NULL OR (b.ingested_at, r.event_id) < ($3, $4::uuid))
  ORDER BY b.ingested_at DESC, r.event_id DESC
  LIMIT $5`;

@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ connectionId, stream, limit, cursor }: ListEventsQuery) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const events = await this.db.transaction(async (manager) => {
      await findConnection(manager, connectionId);
      const rows: AuditEventRow[] = await manager.query(SELECT, [connectionId, stream ?? null, after?.at ?? null, after?.id ?? null, limit + 1]);
      return rows;
    });
    const page = events.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toAuditEventView), nextCursor: events.length > limit ? encodeCursor(last.ingestedAt, last.eventId) : null };
  }
}
