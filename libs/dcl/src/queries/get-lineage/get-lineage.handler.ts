import { getEntity } from '@autonomos/ontology';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dclErrors } from '../../dcl.errors';
import { viewsUsingField } from '../../engine/view-catalog';
import { StreamInventoryReader } from '../stream-inventory';
import { GetLineageQuery, Lineage } from './get-lineage.query';

@QueryHandler(GetLineageQuery)
export class GetLineageHandler implements IQueryHandler<GetLineageQuery> {
  constructor(private readonly inventory: StreamInventoryReader) {}

  async execute({ entity, field }: GetLineageQuery): Promise<Lineage> {
    const definition = getEntity(entity);
    if (!definition) throw dclErrors.entityNotFound(entity);
    const fieldName = definition.fields.find((f) => f.name.toLowerCase() === field.toLowerCase())?.name;
    if (!fieldName) throw dclErrors.fieldNotFound(definition.name, field);
    const { connections, streams } = await this.inventory.read();
    const byId = new Map(connections.map((c) => [c.id, c]));
    const sources = streams.flatMap((s) =>
      (s.mapping?.entity === definition.name ? s.mapping.fields : [])
        .filter((f) => f.target === fieldName)
        .map((f) => {
          const connection = byId.get(s.connectionId);
          return {
            connectionId: s.connectionId,
            connectionName: connection?.name ?? '',
            sourceKind: connection?.kind ?? '',
            domain: connection?.domain ?? 'unknown',
            stream: s.stream,
            sourceColumn: f.source,
            mappingId: s.mapping!.mappingId,
            version: s.mapping!.version,
            transform: f.transform,
            confidence: f.confidence,
            origin: f.origin,
            rowsByVersion: s.versions,
          };
        }),
    );
    const views = viewsUsingField(definition.name, fieldName).map((v) => ({ name: v.name, domain: v.domain }));
    return { entity: definition.name, field: fieldName, sources, views };
  }
}
