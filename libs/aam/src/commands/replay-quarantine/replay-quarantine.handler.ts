import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { In, IsNull } from 'typeorm';
import { buildEventFromCsvRecord } from '../../canonical/canonical-event.builder';
import { toDclTablePayload } from '../../canonical/dcl-table.mapper';
import { findConnection } from '../../connection.lookup';
import { QuarantinedRecordEntity } from '../../entities/quarantined-record.entity';
import { applyContract, SchemaContract } from '../../schema/schema.contract';
import { DclPublisher, DclSpool } from '../../sync/dcl.publisher';
import { EventCopyWriter } from '../../sync/event-copy.writer';
import { SchemaRegistry } from '../../sync/schema.tracker';
import { ReplayQuarantineCommand, ReplayResult } from './replay-quarantine.command';

@CommandHandler(ReplayQuarantineCommand)
export class ReplayQuarantineHandler implements ICommandHandler<ReplayQuarantineCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly schemas: SchemaRegistry,
    private readonly publisher: DclPublisher,
  ) {}

  async execute({ connectionId, stream }: ReplayQuarantineCommand): Promise<ReplayResult> {
    const ref = { tenantId: this.context.tenantId, connectionId, stream };
    const spool = await DclSpool.create();
    try {
      const { result, kind } = await this.db.transaction(async (manager) => {
        const connection = await findConnection(manager, connectionId);
        // The sync's lock: a replay and a sync of the same stream never interleave.
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aam:${connectionId}:${stream}`]);
        const current = await this.schemas.current(manager, ref);
        const held = await manager.find(QuarantinedRecordEntity, { where: { connectionId, stream, replayedAt: IsNull() }, order: { position: 'ASC' } });
        if (!current || held.length === 0) return { result: { replayed: 0, remaining: held.length }, kind: connection.kind };
        const contract: SchemaContract = connection.contracts[stream] ?? connection.contracts['*'] ?? { mode: 'evolve' };
        const keyColumns = ((connection.config as { keyColumns?: string[] }).keyColumns ?? []) as string[];
        const context = { tenantId: ref.tenantId, connectionId, sourceKind: connection.kind, stream, schemaVersion: current.fingerprint, keyColumns, ingestedAt: new Date() };
        const events = [];
        const accepted: string[] = [];
        for (const record of held) {
          // A ragged row (a bare field list) has no column names to map: it stays.
          if (Array.isArray(record.raw)) continue;
          const outcome = applyContract(contract, current.schema, record.raw);
          if (outcome.status !== 'accepted') continue;
          events.push(buildEventFromCsvRecord(context, { line: record.line ?? record.position ?? 0, row: record.position ?? 0, values: outcome.record }, outcome.discarded));
          accepted.push(record.id);
        }
        const copy = await EventCopyWriter.open(manager);
        const fresh = await copy.write(events);
        if (fresh.length > 0) await spool.add(toDclTablePayload(fresh));
        if (accepted.length > 0) await manager.update(QuarantinedRecordEntity, { id: In(accepted) }, { replayedAt: new Date() });
        return { result: { replayed: fresh.length, remaining: held.length - accepted.length }, kind: connection.kind };
      });
      await this.publisher.publish(ref.tenantId, kind, connectionId, spool);
      return result;
    } finally {
      await spool.dispose();
    }
  }
}
