import { Query } from '@nestjs/cqrs';

/** One batch of a stream as the source gives it, values as text (null for the source's nulls). */
export interface ConnectionReadBatch {
  stream: string;
  columns: string[];
  /** Keyed and identified as the AAM's canonical events of the same records would be. */
  rows: Array<{ recordKey: string; eventId: string; values: Record<string, string | null> }>;
}

/**
 * Reads a connection's streams (or one) straight from the source, in full: no audit trail, no
 * schema tracking, nothing published. For the DCL's legacy mode, which reads sources directly.
 * The batches are produced as the caller iterates; the connector is closed when it stops.
 */
export class ReadConnectionQuery extends Query<AsyncIterable<ConnectionReadBatch>> {
  constructor(
    readonly connectionId: string,
    readonly stream?: string,
  ) {
    super();
  }
}
