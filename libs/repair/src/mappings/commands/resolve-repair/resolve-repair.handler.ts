import { RequestReviewCommand, ReviewRisk } from '@autonomos/hitl';
import { getEntity } from '@autonomos/ontology';
import { TenantDb } from '@autonomos/platform';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import type { RepairProposal } from '../../../proposals/repair-proposal';
import { MappingRepairEntity } from '../../entities/mapping-repair.entity';
import { MappingEntity } from '../../entities/mapping.entity';
import { applyChanges, changesOf } from '../../mapping-patch';
import { MappingStore } from '../../mapping.store';
import { FieldMapping } from '../../mapping.types';
import { rememberChanges } from '../../remember-changes';
import { splitProposals } from '../../repair-policy';
import { GetRepairPolicyQuery } from '../../queries/get-repair-policy/get-repair-policy.query';
import { previewRows } from '../../sample-rows';
import { ResolveRepairCommand } from './resolve-repair.command';

@CommandHandler(ResolveRepairCommand)
export class ResolveRepairHandler implements ICommandHandler<ResolveRepairCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly store: MappingStore,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ repairId }: ResolveRepairCommand) {
    const { repair, mapping } = await this.db.transaction(async (manager) => {
      const repair = await manager.findOneByOrFail(MappingRepairEntity, { id: repairId });
      return { repair, mapping: await manager.findOneByOrFail(MappingEntity, { id: repair.mappingId }) };
    });
    const entity = getEntity(mapping.entity)!;
    const policy = await this.queries.execute(new GetRepairPolicyQuery());
    const { auto, review } = splitProposals(policy, entity, repair.proposals);
    const context = { connectionId: mapping.connectionId, stream: mapping.stream, entity: entity.name, samples: repair.samples };

    let appliedVersion: number | null = null;
    const autoChanges = changesOf(auto);
    if (autoChanges.length > 0) {
      const applied = await this.db.transaction((manager) =>
        this.store.apply(manager, {
          ...context,
          fields: (active: FieldMapping[]) => applyChanges(active, autoChanges),
          change: 'auto_apply',
          changeKey: `repair:${repair.id}:auto`,
          evidence: { repairId: repair.id, driftId: repair.driftId, policy, proposals: auto },
        }),
      );
      appliedVersion = applied.version.version;
      if (applied.created) await rememberChanges(this.commands, { ...context, changes: autoChanges });
    }

    let reviewItemId: string | null = null;
    if (review.length > 0) {
      const changes = changesOf(review);
      const { itemId } = await this.commands.execute(
        new RequestReviewCommand({
          kind: 'mapping',
          subjectKey: `repair:${repair.id}`,
          title: `${review.length} mapping change(s) for ${mapping.stream} after a schema drift`,
          risk: riskOf(review, entity.fields.filter((f) => f.type === 'money').map((f) => f.name)),
          connectionId: mapping.connectionId,
          stream: mapping.stream,
          payload: {
            ...context,
            repairId: repair.id,
            mappingId: mapping.id,
            driftId: repair.driftId,
            baseVersion: repair.baseVersion,
            changes,
            proposals: review,
            sampleRows: previewRows(repair.samples, changes),
          },
        }),
      );
      reviewItemId = itemId;
    }
    return { appliedVersion, reviewItemId };
  }
}

/** High when money or a breaking change is at stake, low when nothing breaks. */
function riskOf(proposals: RepairProposal[], moneyFields: string[]): ReviewRisk {
  if (proposals.some((p) => p.target !== null && moneyFields.includes(p.target))) return 'high';
  return proposals.some((p) => p.change.severity === 'breaking') ? 'medium' : 'low';
}
