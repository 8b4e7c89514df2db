import { Query } from '@nestjs/cqrs';
import type { ColumnMatch, SourceColumn, TargetField } from '../../matcher';
import type { RecalledMapping } from '../recall-mappings/recall-mappings.query';

/** Exactly one of `entity` (an ontology entity) or `fields`. */
export interface MatchTarget {
  entity?: string;
  fields?: TargetField[];
}

export interface MatchView {
  columns: ColumnMatch[];
  /** Approved mappings recalled from the tenant's memory, per source column, that fed the ranking. */
  memory: Array<{ column: string; memories: RecalledMapping[] }>;
  /** Whether the LLM re-ranked the top candidates; why not when it did not. */
  llm: { used: boolean; reason?: string };
}

/** Ranks target fields for each source column: heuristics + the tenant's memory (+ the LLM when enabled and asked). */
export class MatchColumnsQuery extends Query<MatchView> {
  constructor(
    readonly columns: SourceColumn[],
    readonly target: MatchTarget,
    readonly top = 5,
    readonly useLlm = true,
  ) {
    super();
  }
}
