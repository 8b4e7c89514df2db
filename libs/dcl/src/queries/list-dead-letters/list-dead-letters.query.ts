import { Query } from '@nestjs/cqrs';

export interface DeadLetter {
  /** Dead-letter stream and entry id. */
  stream: string;
  id: string;
  /** The entry it replaces on the source stream. */
  sourceId: string;
  connectionId: string;
  table: string | null;
  deliveries: number;
  error: string;
  deadAt: string;
}

/** Stream entries that kept failing, newest first, with their last error. */
export class ListDeadLettersQuery extends Query<DeadLetter[]> {
  constructor(readonly limit: number) {
    super();
  }
}
