import { Query } from '@nestjs/cqrs';

export type GraphNodeType = 'connection' | 'stream' | 'source_field' | 'entity' | 'entity_field' | 'view' | 'pilot';
export type GraphEdgeType = 'has_stream' | 'has_field' | 'mapping' | 'field_of' | 'feeds';

export interface GraphNode {
  id: string;
  type: GraphNodeType;
  label: string;
  data: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: GraphEdgeType;
  data: Record<string, unknown>;
}

/** Nodes and edges as a graph UI (React Flow, Cytoscape) draws them directly. */
export interface DclGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Sources → streams → fields → (mappings) → ontology fields → views → pilots, for the caller's tenant. */
export class GetGraphQuery extends Query<DclGraph> {}
