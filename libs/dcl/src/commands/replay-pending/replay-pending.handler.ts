import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mapRecords, SourceRecord } from '../../mapping/entity-mapper';
import { writeOutcome, WriteCounts } from '../../mapping/entity-row.writer';
import { MappingLookup } from '../../mapping/mapping.lookup';
import { ReplayPendingCommand } from './replay-pending.command';

const PAGE = 5000;

interface PendingRow {
  record_key: string;
  event_id: string;
  entry_seq: string;
  values: Record<string, string | null>;
}

@CommandHandler(ReplayPendingCommand)
export class ReplayPendingHandler implements ICommandHandler<ReplayPendingCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly mappings: MappingLookup,
  ) {}

  async execute({ connectionId, stream }: ReplayPendingCommand): Promise<WriteCounts> {
    const mapping = await this.mappings.active(connectionId, stream);
    const totals: WriteCounts = { mapped: 0, deleted: 0, pending: 0 };
    if (!mapping) return totals;
    const scope = { tenantId: this.context.tenantId, connectionId, stream };
    // Pages by record key, each in its own transaction; what still does not map stays pending.
    let after = '';
    for (;;) {
      const page = await this.db.transaction(async (manager) => {
        const rows: PendingRow[] = await manager.query(
          `SELECT record_key, event_id, entry_seq::text, values FROM dcl_pending_records
            WHERE connection_id = $1 AND stream = $2 AND record_key > $3 ORDER BY record_key LIMIT ${PAGE}`,
          [connectionId, stream, after],
        );
        const records: SourceRecord[] = rows.map((r) => ({ recordKey: r.record_key, entrySeq: r.entry_seq, eventId: r.event_id, operation: 'upsert', values: r.values }));
        const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
        const counts = await writeOutcome(manager, scope, mapping, mapRecords(mapping, records, columns));
        return { counts, last: rows.at(-1)?.record_key, size: rows.length };
      });
      totals.mapped += page.counts.mapped;
      totals.pending += page.counts.pending;
      if (page.size < PAGE || page.last === undefined) return totals;
      after = page.last;
    }
  }
}
