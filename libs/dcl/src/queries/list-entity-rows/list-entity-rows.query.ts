import { Query } from '@nestjs/cqrs';

export interface EntityRowView {
  connectionId: string;
  stream: string;
  recordKey: string;
  mappingId: string;
  mappingVersion: number;
  fields: Record<string, string | null>;
  changedAt: string;
}

export interface EntityRowsPage {
  entity: string;
  items: EntityRowView[];
  nextCursor: string | null;
}

/** Canonical rows of one ontology entity in the caller's tenant, in source-record order. */
export class ListEntityRowsQuery extends Query<EntityRowsPage> {
  constructor(
    readonly entity: string,
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly connectionId: string | undefined,
  ) {
    super();
  }
}
