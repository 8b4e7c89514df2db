import { Query } from '@nestjs/cqrs';
import type { Page, QuarantinedRecordView } from '../../aam.views';
import type { QuarantineReason } from '../../entities/quarantined-record.entity';

/** Newest first, keyset-paginated. */
export class ListQuarantineQuery extends Query<Page<QuarantinedRecordView>> {
  constructor(
    readonly filter: { connectionId?: string; stream?: string; reason?: QuarantineReason },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
