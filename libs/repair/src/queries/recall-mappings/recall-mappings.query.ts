import { Query } from '@nestjs/cqrs';
import type { ColumnDescription } from '../../memory/column-embedding';

/** Which remembered targets may be recalled: one entity's fields, or fields named in a list. */
export type RecallScope = { entity: string } | { fields: string[] };

export interface RecalledMapping {
  memoryId: string;
  sourceColumn: string;
  sourceKind: string | null;
  stream: string | null;
  targetEntity: string | null;
  targetField: string;
  /** Cosine similarity of the remembered column to the asked one, in [0,1]. */
  similarity: number;
}

export interface ColumnRecall {
  column: string;
  memories: RecalledMapping[];
}

/** For each column, the most similar approved mappings of the current tenant, best first. */
export class RecallMappingsQuery extends Query<ColumnRecall[]> {
  constructor(
    readonly columns: ColumnDescription[],
    readonly scope: RecallScope,
    readonly perColumn = 3,
  ) {
    super();
  }
}
