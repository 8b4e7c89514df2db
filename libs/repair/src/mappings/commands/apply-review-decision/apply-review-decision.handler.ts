import { GetReviewItemQuery } from '@autonomos/hitl';
import { NotifyCommand } from '@autonomos/notifications';
import { TenantDb } from '@autonomos/platform';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { applyChanges, MappingChange } from '../../mapping-patch';
import { reviewedChanges } from '../../mapping-review.kind';
import { MappingStore } from '../../mapping.store';
import { FieldMapping } from '../../mapping.types';
import { rememberChanges } from '../../remember-changes';
import { ApplyReviewDecisionCommand } from './apply-review-decision.command';

@CommandHandler(ApplyReviewDecisionCommand)
export class ApplyReviewDecisionHandler implements ICommandHandler<ApplyReviewDecisionCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly store: MappingStore,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ itemId }: ApplyReviewDecisionCommand) {
    const item = await this.queries.execute(new GetReviewItemQuery(itemId));
    if (item.kind !== 'mapping') return { appliedVersion: null };
    if (item.status === 'flagged') {
      await this.commands.execute(new NotifyCommand({ kind: 'review_escalated', dedupeKey: `escalated:${item.id}`, text: `Review escalated to an admin: ${item.title}`, itemId: item.id }));
      return { appliedVersion: null };
    }
    if (item.status !== 'approved') return { appliedVersion: null };
    const payload = item.payload as { connectionId: string; stream: string; entity: string; replace?: boolean; samples: Record<string, string[]> };
    const changes: MappingChange[] = reviewedChanges(item.payload, item.edited ?? undefined);
    const toFields = (c: MappingChange): FieldMapping => ({ source: c.column, target: c.target, transform: c.transform, confidence: c.confidence, origin: c.origin });
    const applied = await this.db.transaction((manager) =>
      this.store.apply(manager, {
        connectionId: payload.connectionId,
        stream: payload.stream,
        entity: payload.entity,
        fields: (active) => (payload.replace ? changes.filter((c) => c.action !== 'unmap').map(toFields) : applyChanges(active, changes)),
        change: 'review',
        changeKey: `review:${item.id}`,
        evidence: { reviewItemId: item.id, decidedBy: item.decidedBy, reason: item.reason, edited: item.edited !== null, changes },
      }),
    );
    if (applied.created) await rememberChanges(this.commands, { ...payload, changes });
    return { appliedVersion: applied.version.version };
  }
}
