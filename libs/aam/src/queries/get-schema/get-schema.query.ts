import { Query } from '@nestjs/cqrs';
import type { SchemaVersionView } from '../../aam.views';

export interface StreamSchemaHistory {
  stream: string;
  current: SchemaVersionView;
  /** Every version, oldest first (the current one last). */
  history: SchemaVersionView[];
}

export class GetSchemaQuery extends Query<StreamSchemaHistory[]> {
  constructor(
    readonly connectionId: string,
    readonly stream?: string,
  ) {
    super();
  }
}
