import { Query } from '@nestjs/cqrs';
import type { AuditEventView, Page } from '../../aam.views';

/** A connection's audit trail, newest first, keyset-paginated. */
export class ListEventsQuery extends Query<Page<AuditEventView>> {
  constructor(
    readonly connectionId: string,
    readonly stream: string | undefined,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
