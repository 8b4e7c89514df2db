import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mapRecords, toSourceRecords } from '../../mapping/entity-mapper';
import { writeOutcome } from '../../mapping/entity-row.writer';
import { MappingLookup } from '../../mapping/mapping.lookup';
import { entrySeq } from '../../streams/dcl-streams';
import { IngestStreamEntryCommand } from './ingest-stream-entry.command';

/** Maps an entry's records through the stream's active mapping and writes them in one transaction. */
@CommandHandler(IngestStreamEntryCommand)
export class IngestStreamEntryHandler implements ICommandHandler<IngestStreamEntryCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly mappings: MappingLookup,
  ) {}

  async execute({ connectionId, entryId, batch }: IngestStreamEntryCommand) {
    const mapping = await this.mappings.active(connectionId, batch.table);
    const outcome = mapRecords(mapping, toSourceRecords(batch, entrySeq(entryId)), batch.columns);
    const scope = { tenantId: this.context.tenantId, connectionId, stream: batch.table };
    return this.db.transaction((manager) => writeOutcome(manager, scope, mapping, outcome));
  }
}
