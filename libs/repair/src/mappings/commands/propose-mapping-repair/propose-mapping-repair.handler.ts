import { GetDriftQuery } from '@autonomos/aam';
import { Outbox, RequestContext, TenantDb } from '@autonomos/platform';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { ProposeRepairCommand } from '../../../commands/propose-repair/propose-repair.command';
import { MappingRepairEntity } from '../../entities/mapping-repair.entity';
import { RepairProposed } from '../../events/repair-proposed.event';
import { MappingStore } from '../../mapping.store';
import { streamSchema, samplesOf } from '../../stream-samples';
import { ProposeMappingRepairCommand } from './propose-mapping-repair.command';

@CommandHandler(ProposeMappingRepairCommand)
export class ProposeMappingRepairHandler implements ICommandHandler<ProposeMappingRepairCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly store: MappingStore,
    private readonly outbox: Outbox,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ connectionId, stream, driftId }: ProposeMappingRepairCommand) {
    const active = await this.db.transaction((manager) => this.store.active(manager, { connectionId, stream }));
    if (!active) return { repairId: null };
    const drift = await this.queries.execute(new GetDriftQuery(driftId));
    const { schema } = await streamSchema(this.queries, connectionId, stream, drift.toVersion);
    const proposals = await this.commands.execute(
      new ProposeRepairCommand({
        diff: { fromFingerprint: drift.fromFingerprint, toFingerprint: drift.toFingerprint, breaking: drift.breaking, changes: drift.changes },
        schema,
        entity: active.version.entity,
        mapping: Object.fromEntries(active.version.fields.map((f) => [f.source, f.target])),
      }),
    );
    const tenantId = this.context.tenantId;
    return this.db.transaction(async (manager) => {
      const id = randomUUID();
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(MappingRepairEntity)
        .values({ id, tenantId, mappingId: active.mapping.id, driftId, baseVersion: active.version.version, breaking: drift.breaking, proposals, samples: samplesOf(schema) })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) return { repairId: null };
      await this.outbox.add(manager, 'mapping', new RepairProposed(tenantId, id, active.mapping.id, connectionId, stream, driftId, proposals.length));
      return { repairId: id };
    });
  }
}
