import { ConnectionReadBatch, ReadConnectionQuery } from '@autonomos/aam';
import { RequestContext, TenantDb } from '@autonomos/platform';
import { ActiveMapping } from '@autonomos/repair';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { dclErrors } from '../../dcl.errors';
import { mapRecords, SourceRecord } from '../../mapping/entity-mapper';
import { writeOutcome } from '../../mapping/entity-row.writer';
import { MappingLookup } from '../../mapping/mapping.lookup';
import { GetDclSettingsQuery } from '../../queries/get-dcl-settings/get-dcl-settings.query';
import { LegacyLoadCommand, LegacyLoadResult } from './legacy-load.command';

@CommandHandler(LegacyLoadCommand)
export class LegacyLoadHandler implements ICommandHandler<LegacyLoadCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly queries: QueryBus,
    private readonly mappings: MappingLookup,
  ) {}

  async execute({ connectionId, stream }: LegacyLoadCommand): Promise<LegacyLoadResult> {
    // In aam mode the streams feed the rows: loading besides them would race them.
    const { mode } = await this.queries.execute(new GetDclSettingsQuery());
    if (mode !== 'legacy') throw dclErrors.notLegacyMode();
    const batches: AsyncIterable<ConnectionReadBatch> = await this.queries.execute(new ReadConnectionQuery(connectionId, stream));
    // Versions after every stream entry written before this load, increasing through it: a later read wins.
    let seq = BigInt(Date.now()) * 1_000_000n;
    const mappings = new Map<string, ActiveMapping | null>();
    const result: LegacyLoadResult = { connectionId, streams: [] };
    for await (const batch of batches) {
      if (!mappings.has(batch.stream)) mappings.set(batch.stream, await this.mappings.active(connectionId, batch.stream));
      const mapping = mappings.get(batch.stream)!;
      // The last read of a record key in a batch wins, as in a stream entry.
      const byKey = new Map<string, SourceRecord>();
      for (const row of batch.rows) {
        byKey.delete(row.recordKey);
        byKey.set(row.recordKey, { recordKey: row.recordKey, eventId: row.eventId, entrySeq: String(++seq), operation: 'upsert', values: row.values });
      }
      const outcome = mapRecords(mapping, [...byKey.values()], batch.columns);
      const scope = { tenantId: this.context.tenantId, connectionId, stream: batch.stream };
      const counts = await this.db.transaction((manager) => writeOutcome(manager, scope, mapping, outcome));
      let totals = result.streams.find((s) => s.stream === batch.stream);
      if (!totals) result.streams.push((totals = { stream: batch.stream, read: 0, mapped: 0, deleted: 0, pending: 0 }));
      totals.read += batch.rows.length;
      totals.mapped += counts.mapped;
      totals.pending += counts.pending;
    }
    return result;
  }
}
