import { Query } from '@nestjs/cqrs';

export interface PendingGroup {
  connectionId: string;
  stream: string;
  reason: string;
  records: number;
  /** The reason's detail of one waiting record, e.g. the columns a drifted source lost. */
  example: string;
}

/** Records waiting for a mapping, grouped by connection, stream and reason. */
export class ListPendingQuery extends Query<PendingGroup[]> {}
