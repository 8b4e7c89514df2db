import { Command } from '@nestjs/cqrs';

export interface MappingSource {
  /** Connector kind (`filesource`, `salesforce`, …); optional. */
  kind?: string;
  stream?: string;
  column: string;
  samples?: string[];
}

/** `entity` names an ontology entity (the field is checked against it); without it `field` is a free target field. */
export interface MappingTarget {
  entity?: string;
  field: string;
}

export interface RememberedMapping {
  id: string;
  /** False when the same mapping was already remembered: its samples and embedding were refreshed. */
  created: boolean;
  approvals: number;
}

/** Stores an approved mapping in the tenant's RAG memory; idempotent on source signature and target. */
export class RememberMappingCommand extends Command<RememberedMapping> {
  constructor(
    readonly source: MappingSource,
    readonly target: MappingTarget,
  ) {
    super();
  }
}
