import { getEntity } from '@autonomos/ontology';
import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dclErrors } from '../../dcl.errors';
import { EntityRowsPage, ListEntityRowsQuery } from './list-entity-rows.query';

type Key = [string, string, string];

@QueryHandler(ListEntityRowsQuery)
export class ListEntityRowsHandler implements IQueryHandler<ListEntityRowsQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ entity, limit, cursor, connectionId }: ListEntityRowsQuery): Promise<EntityRowsPage> {
    const definition = getEntity(entity);
    if (!definition) throw dclErrors.entityNotFound(entity);
    const after = cursor === undefined ? undefined : decode(cursor);
    const params: unknown[] = [definition.name];
    const where = ['entity = $1'];
    if (connectionId) where.push(`connection_id = $${params.push(connectionId)}`);
    if (after) where.push(`(connection_id::text, stream, record_key) > ($${params.push(after[0])}, $${params.push(after[1])}, $${params.push(after[2])})`);
    const rows = await this.db.transaction((manager) =>
      manager.query(
        `SELECT connection_id, stream, record_key, mapping_id, mapping_version, fields, changed_at FROM dcl_entity_rows
          WHERE ${where.join(' AND ')} ORDER BY connection_id::text, stream, record_key LIMIT ${limit + 1}`,
        params,
      ),
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      entity: definition.name,
      items: page.map((r: Record<string, never>) => ({
        connectionId: r.connection_id,
        stream: r.stream,
        recordKey: r.record_key,
        mappingId: r.mapping_id,
        mappingVersion: r.mapping_version,
        fields: r.fields,
        changedAt: (r.changed_at as Date).toISOString(),
      })),
      nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.connection_id, last.stream, last.record_key])).toString('base64url') : null,
    };
  }
}

function decode(cursor: string): Key {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === 'string')) return key as Key;
  } catch {
    // falls through to the error below
  }
  throw dclErrors.invalidCursor();
}
