import { Query } from '@nestjs/cqrs';
import type { AuditEntryView } from '../../hitl.views';
import type { Page } from '../../paging';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  since?: Date;
  until?: Date;
}

/** The audit log, newest first, keyset-paginated. */
export class ListAuditQuery extends Query<Page<AuditEntryView>> {
  constructor(
    readonly filter: AuditFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
