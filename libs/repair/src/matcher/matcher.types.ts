/** A column of the source being mapped. `samples` are raw cell texts (may be empty: header-only). */
export interface SourceColumn {
  name: string;
  samples?: string[];
  /** A type the caller already knows (e.g. from a database catalogue); inferred from samples otherwise. */
  type?: string;
}

export interface TargetField {
  name: string;
  description?: string;
  synonyms?: string[];
  type?: string;
  samples?: string[];
}

/** A previously approved mapping recalled by the caller (RAG store), with its retrieval similarity in [0,1]. */
export interface MemoryHint {
  sourceName: string;
  targetName: string;
  similarity: number;
}

export interface RankedTarget {
  target: TargetField;
  score: number;
}

/**
 * Optional re-ranker (e.g. an LLM): returns one score in [0,1] per candidate, in the same order;
 * null where it has no opinion (it failed or abstained), which leaves that candidate's score as is.
 */
export type LlmRerank = (column: SourceColumn, candidates: RankedTarget[]) => Promise<Array<number | null>>;

export interface MatchOptions {
  /** Candidates kept per source column (default 10). */
  top?: number;
  /** The target holds each field once (a table schema), so each target field goes to at most one source column. */
  oneToOne?: boolean;
  memory?: MemoryHint[];
  llm?: LlmRerank;
  /** How many of the best candidates the re-ranker sees (default 5). */
  llmTopK?: number;
}

export interface Evidence {
  /** Similarity of the names after tokenising and expanding abbreviations, in [0,1]. */
  name: number;
  /** Best similarity to one of the target's synonyms, in [0,1]. */
  synonym: number;
  /** Share of the source name's words found in the target description, in [0,1]. */
  description: number;
  sourceType: string;
  targetType: string;
  /** Type/format compatibility in [0,1]; null when either side's type is unknown. */
  typeCompatibility: number | null;
  /** Overlap of source values with the target's sample values in [0,1]; null when either side has none. */
  valueOverlap: number | null;
  memory: number | null;
  llm: number | null;
  /** The combined, uncalibrated score. */
  score: number;
  /** This pair was chosen by the one-to-one assignment. */
  assigned?: boolean;
}

export interface Candidate {
  target: string;
  confidence: number;
  evidence: Evidence;
}

export interface ColumnMatch {
  source: string;
  candidates: Candidate[];
}

export interface MatchResult {
  columns: ColumnMatch[];
}
