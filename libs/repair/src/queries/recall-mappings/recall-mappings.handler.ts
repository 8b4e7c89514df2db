import { EMBEDDINGS, type EmbeddingProvider } from '@autonomos/llm';
import { TenantDb } from '@autonomos/platform';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dot, embedColumns } from '../../memory/column-embedding';
import { ColumnRecall, RecalledMapping, RecallMappingsQuery } from './recall-mappings.query';

// Below this a remembered column is too different to vouch for the mapping (an identical name
// with different values scores 0.75 or more).
export const MIN_RECALL_SIMILARITY = 0.6;
// Most recently approved first; a tenant's memory rarely grows past this per target.
const MAX_ROWS_SCANNED = 5000;

interface MemoryRow {
  id: string;
  source_column: string;
  source_kind: string | null;
  stream: string | null;
  target_entity: string | null;
  target_field: string;
  embedding: number[];
}

@QueryHandler(RecallMappingsQuery)
export class RecallMappingsHandler implements IQueryHandler<RecallMappingsQuery> {
  constructor(
    private readonly db: TenantDb,
    @Inject(EMBEDDINGS) private readonly embeddings: EmbeddingProvider,
  ) {}

  async execute({ columns, scope, perColumn }: RecallMappingsQuery): Promise<ColumnRecall[]> {
    const [filter, value] = 'entity' in scope ? ['lower(target_entity) = lower($2)', scope.entity] : ['target_field = ANY($2)', scope.fields];
    const rows: MemoryRow[] = await this.db.transaction((manager) =>
      manager.query(
        `SELECT id, source_column, source_kind, stream, target_entity, target_field, embedding FROM mapping_memories
         WHERE embedding_model = $1 AND ${filter} ORDER BY updated_at DESC LIMIT ${MAX_ROWS_SCANNED}`,
        [this.embeddings.model, value],
      ),
    );
    if (!rows.length) return columns.map((c) => ({ column: c.name, memories: [] }));
    const vectors = await embedColumns(this.embeddings, columns);
    return columns.map((column, i) => ({ column: column.name, memories: nearest(rows, vectors[i], perColumn) }));
  }
}

/** The best memory per target field, most similar first. */
function nearest(rows: MemoryRow[], vector: number[], limit: number): RecalledMapping[] {
  const best = new Map<string, RecalledMapping>();
  for (const row of rows) {
    const similarity = Math.min(1, dot(vector, row.embedding));
    if (similarity < MIN_RECALL_SIMILARITY) continue;
    const key = `${row.target_entity}.${row.target_field}`;
    if ((best.get(key)?.similarity ?? -1) >= similarity) continue;
    best.set(key, {
      memoryId: row.id,
      sourceColumn: row.source_column,
      sourceKind: row.source_kind,
      stream: row.stream,
      targetEntity: row.target_entity,
      targetField: row.target_field,
      similarity: Math.round(similarity * 1000) / 1000,
    });
  }
  return [...best.values()].sort((a, b) => b.similarity - a.similarity).slice(0, limit);
}
