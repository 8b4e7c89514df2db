import { getEntity } from '@autonomos/ontology';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CANONICAL_TABLES, VIEWS } from '../../engine/view-catalog';
import { StreamInventoryReader } from '../stream-inventory';
import { DclGraph, GetGraphQuery, GraphEdge, GraphNode } from './get-graph.query';

@QueryHandler(GetGraphQuery)
export class GetGraphHandler implements IQueryHandler<GetGraphQuery> {
  constructor(private readonly inventory: StreamInventoryReader) {}

  async execute(): Promise<DclGraph> {
    const { connections, streams } = await this.inventory.read();
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    const node = (n: GraphNode) => nodes.set(n.id, n);
    const edge = (type: GraphEdge['type'], source: string, target: string, data: Record<string, unknown> = {}) =>
      edges.set(`${type}:${source}->${target}`, { id: `${type}:${source}->${target}`, source, target, type, data });
    const entityField = (entity: string, field: string) => {
      const entityId = `entity:${entity}`;
      const id = `entity_field:${entity}.${field}`;
      node({ id: entityId, type: 'entity', label: entity, data: { domain: getEntity(entity)?.domain ?? null } });
      node({ id, type: 'entity_field', label: field, data: { entity, type: getEntity(entity)?.fields.find((f) => f.name === field)?.type ?? null } });
      edge('field_of', id, entityId);
      return id;
    };

    for (const c of connections) node({ id: `connection:${c.id}`, type: 'connection', label: c.name, data: { kind: c.kind, domain: c.domain } });
    for (const s of streams) {
      const streamId = `stream:${s.connectionId}:${s.stream}`;
      node({ id: streamId, type: 'stream', label: s.stream, data: { connectionId: s.connectionId, entity: s.entity, rows: s.rows, pending: s.pending } });
      edge('has_stream', `connection:${s.connectionId}`, streamId);
      for (const f of s.mapping?.fields ?? []) {
        const fieldId = `source_field:${s.connectionId}:${s.stream}:${f.source}`;
        node({ id: fieldId, type: 'source_field', label: f.source, data: { connectionId: s.connectionId, stream: s.stream } });
        edge('has_field', streamId, fieldId);
        edge('mapping', fieldId, entityField(s.mapping!.entity, f.target), {
          mappingId: s.mapping!.mappingId,
          version: s.mapping!.version,
          confidence: f.confidence,
          origin: f.origin,
          transform: f.transform,
        });
      }
    }
    for (const view of VIEWS) {
      const viewId = `view:${view.name}`;
      const pilotId = `pilot:${view.domain}`;
      node({ id: viewId, type: 'view', label: view.name, data: { domain: view.domain, description: view.description } });
      node({ id: pilotId, type: 'pilot', label: `${view.domain === 'finops' ? 'FinOps' : 'RevOps'} pilot`, data: { domain: view.domain } });
      edge('feeds', viewId, pilotId);
      for (const table of CANONICAL_TABLES.filter((t) => view.reads.includes(t.name))) {
        for (const field of table.fields) edge('feeds', entityField(table.entity, field), viewId, { canonicalTable: table.name });
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }
}
