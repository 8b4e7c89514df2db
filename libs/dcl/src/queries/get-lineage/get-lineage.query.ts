import { Query } from '@nestjs/cqrs';
import type { TransformSpec } from '@autonomos/repair';
import type { MappingVersionUse } from '../stream-inventory';

export interface LineageSource {
  connectionId: string;
  connectionName: string;
  sourceKind: string;
  domain: string;
  stream: string;
  /** Source column the active mapping reads into the field. */
  sourceColumn: string;
  mappingId: string;
  version: number;
  transform: TransformSpec | null;
  confidence: number;
  origin: string;
  /** Mapping versions the stream's stored rows were produced by. */
  rowsByVersion: MappingVersionUse[];
}

export interface Lineage {
  entity: string;
  field: string;
  sources: LineageSource[];
  views: { name: string; domain: string }[];
}

/** Column-level lineage of one ontology field in the caller's tenant. */
export class GetLineageQuery extends Query<Lineage> {
  constructor(
    readonly entity: string,
    readonly field: string,
  ) {
    super();
  }
}
