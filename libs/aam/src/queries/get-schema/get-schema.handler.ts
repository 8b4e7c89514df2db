import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toSchemaVersionView } from '../../aam.views';
import { findConnection } from '../../connection.lookup';
import { SchemaVersionEntity } from '../../entities/schema-version.entity';
import { GetSchemaQuery, StreamSchemaHistory } from './get-schema.query';

@QueryHandler(GetSchemaQuery)
export class GetSchemaHandler implements IQueryHandler<GetSchemaQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ connectionId, stream }: GetSchemaQuery) {
    const versions = await this.db.transaction(async (manager) => {
      await findConnection(manager, connectionId);
      return manager.find(SchemaVersionEntity, { where: { connectionId, ...(stream ? { stream } : {}) }, order: { stream: 'ASC', version: 'ASC' } });
    });
    const byStream = new Map<string, StreamSchemaHistory>();
    for (const version of versions.map(toSchemaVersionView)) {
      const entry = byStream.get(version.stream) ?? { stream: version.stream, current: version, history: [] };
      entry.history.push(version);
      entry.current = version;
      byStream.set(version.stream, entry);
    }
    return [...byStream.values()];
  }
}
