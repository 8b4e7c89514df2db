import { DomainError, Outbox, RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '../../audit-log';
import { ReviewItemEntity, ReviewStatus } from '../../entities/review-item.entity';
import { ReviewDecided } from '../../events/review-decided.event';
import { hitlErrors } from '../../hitl.errors';
import { toReviewItemView } from '../../hitl.views';
import { ReviewKinds } from '../../review-kinds';
import { DecideReviewCommand } from './decide-review.command';

const OUTCOME: Record<DecideReviewCommand['decision'], ReviewStatus> = { approve: 'approved', reject: 'rejected', flag: 'flagged' };

/**
 * Records a decision. The row is locked for the transaction, so of two reviewers deciding at
 * once the second sees the first's decision and gets a 409. Nothing changes on any refusal.
 */
@CommandHandler(DecideReviewCommand)
export class DecideReviewHandler implements ICommandHandler<DecideReviewCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly kinds: ReviewKinds,
  ) {}

  async execute({ itemId, decision, reason, edited }: DecideReviewCommand) {
    const actor = this.context.actor;
    if (actor.role !== 'reviewer' && actor.role !== 'admin') throw new DomainError('forbidden', 'forbidden', 'Only reviewers and admins decide review items');
    return this.db.transaction(async (manager) => {
      const item = await manager.findOne(ReviewItemEntity, { where: { id: itemId }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw hitlErrors.itemNotFound(itemId);
      // A flagged item is escalated: only an admin may decide it now.
      const open = item.status === 'pending' || (item.status === 'flagged' && decision !== 'flag');
      if (!open) throw hitlErrors.notPending(itemId, item.status);
      if (item.status === 'flagged' && actor.role !== 'admin') throw hitlErrors.escalated();
      if (decision === 'approve' && item.requestedById === actor.id) throw hitlErrors.selfApproval();
      if (edited && decision !== 'approve') throw hitlErrors.invalidDecision('An edited proposal can only be approved', [{ field: 'edited', message: 'only with approve' }]);
      await this.kinds.get(item.kind)?.validateDecision(item, decision, edited);

      const before = { status: item.status };
      Object.assign(item, { status: OUTCOME[decision], decision, decidedById: actor.id, reason: reason ?? null, edited: edited ?? null, decidedAt: new Date() });
      await manager.update(ReviewItemEntity, { id: item.id }, { status: item.status, decision, decidedById: actor.id, reason: item.reason, edited: item.edited as object | null, decidedAt: item.decidedAt });
      await this.audit.record(manager, {
        action: `review.${OUTCOME[decision]}`,
        subjectType: 'review_item',
        subjectId: item.id,
        before,
        after: { status: item.status, reason: item.reason, edited: item.edited },
      });
      await this.outbox.add(manager, 'review_item', new ReviewDecided(item.tenantId, item.id, item.kind, item.subjectKey, decision, actor.id));
      return toReviewItemView(item);
    });
  }
}
