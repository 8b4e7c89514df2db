import { Command } from '@nestjs/cqrs';
import type { TableBatch } from '../../mapping/entity-mapper';
import type { WriteCounts } from '../../mapping/entity-row.writer';

/** One entry of a tenant's DCL stream (a batch of one connection's stream), in the caller's tenant. */
export class IngestStreamEntryCommand extends Command<WriteCounts> {
  constructor(
    readonly connectionId: string,
    /** Redis entry id: orders the records' versions. */
    readonly entryId: string,
    readonly batch: TableBatch,
  ) {
    super();
  }
}
