import type { TransformSpec } from '../transforms/transform.types';

/** Where a field mapping came from. */
export type MappingOrigin = 'heuristic' | 'memory' | 'llm' | 'human';

/** One source column feeding one ontology field, with the value transform applied on the way. */
export interface FieldMapping {
  source: string;
  /** Ontology field name of the mapping's entity (e.g. BilledCost). */
  target: string;
  transform: TransformSpec | null;
  confidence: number;
  origin: MappingOrigin;
}

/**
 * The mapping a stream's records are read through: the DCL applies it to produce canonical
 * entity rows. Every change makes a new version; earlier versions are kept.
 */
export interface ActiveMapping {
  mappingId: string;
  version: number;
  connectionId: string;
  stream: string;
  /** Ontology entity (e.g. CostLineItem, Opportunity). */
  entity: string;
  fields: FieldMapping[];
}
