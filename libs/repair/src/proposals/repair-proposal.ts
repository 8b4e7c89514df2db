import type { SchemaChange, SchemaDiff, StreamSchema } from '@autonomos/aam';
import type { Candidate, LlmRerank, MemoryHint } from '../matcher';
import type { PreviewRow, TransformSpec } from '../transforms';

export interface RepairInput {
  diff: SchemaDiff;
  /** The stream's schema after the drift: its column profiles supply the sample values. */
  schema: StreamSchema;
  /** The ontology entity the stream maps to. */
  entity: string;
  /** Current mapping, source column → field of `entity`; may be empty. */
  mapping: Readonly<Record<string, string>>;
  memory?: MemoryHint[];
  llm?: LlmRerank;
}

/**
 * - `map`: map `column` to `target` (a renamed column taking its old place, or an added one);
 * - `transform`: keep `column` → `target`, converting its values with `transform`;
 * - `unmap`: drop `column` → `target` (the column is gone);
 * - `leave_unmapped`: no field fits `column` well enough;
 * - `review`: the change needs a person (no safe transform exists).
 */
export type RepairAction = 'map' | 'transform' | 'unmap' | 'leave_unmapped' | 'review';

export interface ProposedTransform {
  spec: TransformSpec;
  /** Before/after of each sample value, with the error of each value that does not convert. */
  preview: PreviewRow[];
  failed: number;
}

export interface RepairProposal {
  /** The drift change this proposal answers. */
  change: SchemaChange;
  action: RepairAction;
  column: string;
  /** Field of the entity: where the column goes, or went. */
  target: string | null;
  transform?: ProposedTransform;
  /** Probability in [0,1] that applying the proposal is right. */
  confidence: number;
  evidence: {
    reasons: string[];
    rename?: { confidence: number; nameSimilarity: number; valueOverlap: number };
    /** The matcher's best candidates for the column (with memory and LLM when given). */
    candidates?: Candidate[];
  };
}
