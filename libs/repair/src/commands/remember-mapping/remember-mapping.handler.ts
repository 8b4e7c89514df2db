import { EMBEDDINGS, type EmbeddingProvider } from '@autonomos/llm';
import { getEntity } from '@autonomos/ontology';
import { RequestContext, TenantDb } from '@autonomos/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { embedColumns } from '../../memory/column-embedding';
import { repairErrors } from '../../repair.errors';
import { MappingTarget, RememberMappingCommand } from './remember-mapping.command';

@CommandHandler(RememberMappingCommand)
export class RememberMappingHandler implements ICommandHandler<RememberMappingCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    @Inject(EMBEDDINGS) private readonly embeddings: EmbeddingProvider,
  ) {}

  async execute({ source, target }: RememberMappingCommand) {
    const { entity, field } = canonicalTarget(target);
    const samples = [...new Set(source.samples ?? [])];
    const [embedding] = await embedColumns(this.embeddings, [{ name: source.column, samples }]);
    const signature = createHash('sha256')
      .update(JSON.stringify([source.kind ?? null, source.stream ?? null, source.column.toLowerCase(), entity, field]))
      .digest('hex');
    const tenantId = this.context.tenantId;
    const [row] = await this.db.transaction((manager) =>
      manager.query(
        `INSERT INTO mapping_memories (id, tenant_id, signature, source_kind, stream, source_column, samples, target_entity, target_field, embedding, embedding_model, approved_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (tenant_id, signature) DO UPDATE SET
           samples = EXCLUDED.samples, embedding = EXCLUDED.embedding, embedding_model = EXCLUDED.embedding_model,
           approved_by = EXCLUDED.approved_by, approvals = mapping_memories.approvals + 1, updated_at = now()
         RETURNING id, approvals, (xmax = 0) AS created`,
        [
          randomUUID(),
          tenantId,
          signature,
          source.kind ?? null,
          source.stream ?? null,
          source.column,
          JSON.stringify(samples),
          entity,
          field,
          embedding,
          this.embeddings.model,
          this.context.actor.id,
        ],
      ),
    );
    return { id: row.id as string, created: row.created as boolean, approvals: row.approvals as number };
  }
}

/** The ontology's spelling of entity and field, so `billedcost` and `BilledCost` are one memory. */
function canonicalTarget(target: MappingTarget): { entity: string | null; field: string } {
  if (target.entity === undefined) return { entity: null, field: target.field };
  const entity = getEntity(target.entity);
  if (!entity) throw repairErrors.unknownEntity(target.entity);
  const field = entity.fields.find((f) => f.name.toLowerCase() === target.field.toLowerCase());
  if (!field) throw repairErrors.unknownField(entity.name, target.field);
  return { entity: entity.name, field: field.name };
}
