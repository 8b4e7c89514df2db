import { LlmGateway } from '@autonomos/llm';
import { getEntity } from '@autonomos/ontology';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { llmReranker } from '../../llm-reranker';
import { entityTargets, matchColumns, MemoryHint, TargetField, withOntologyHints } from '../../matcher';
import { repairErrors } from '../../repair.errors';
import { RecallMappingsQuery, RecallScope } from '../recall-mappings/recall-mappings.query';
import { MatchColumnsQuery, MatchTarget } from './match-columns.query';

@QueryHandler(MatchColumnsQuery)
export class MatchColumnsHandler implements IQueryHandler<MatchColumnsQuery> {
  constructor(
    private readonly queries: QueryBus,
    private readonly llm: LlmGateway,
  ) {}

  async execute({ columns, target, top, useLlm }: MatchColumnsQuery) {
    const { fields, scope } = resolveTarget(target);
    // Memory is always consulted, with or without an LLM.
    const memory = await this.queries.execute(new RecallMappingsQuery(columns, scope));
    const hints: MemoryHint[] = memory.flatMap(({ column, memories }) =>
      memories.map((m) => ({ sourceName: column, targetName: m.targetField, similarity: m.similarity })),
    );
    const status = useLlm ? await this.llm.status() : ({ enabled: false, reason: 'not_requested' } as const);
    const result = await matchColumns(columns, fields, { top, memory: hints, llm: status.enabled ? llmReranker(this.llm) : undefined });
    const used = result.columns.some((c) => c.candidates.some((candidate) => candidate.evidence.llm !== null));
    return {
      columns: result.columns,
      memory: memory.filter((m) => m.memories.length),
      llm: status.enabled ? (used ? { used } : { used, reason: 'call_failed_or_skipped' }) : { used: false, reason: status.reason },
    };
  }
}

function resolveTarget(target: MatchTarget): { fields: TargetField[]; scope: RecallScope } {
  if ((target.entity === undefined) === (target.fields === undefined)) throw repairErrors.invalidTarget();
  if (target.entity !== undefined) {
    const entity = getEntity(target.entity);
    if (!entity) throw repairErrors.unknownEntity(target.entity);
    return { fields: entityTargets(entity), scope: { entity: entity.name } };
  }
  return { fields: withOntologyHints(target.fields!), scope: { fields: target.fields!.map((f) => f.name) } };
}
