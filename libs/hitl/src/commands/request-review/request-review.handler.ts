import { Outbox, RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AuditLog } from '../../audit-log';
import { ReviewItemEntity } from '../../entities/review-item.entity';
import { ReviewRequested } from '../../events/review-requested.event';
import { RequestReviewCommand } from './request-review.command';

@CommandHandler(RequestReviewCommand)
export class RequestReviewHandler implements ICommandHandler<RequestReviewCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async execute({ request }: RequestReviewCommand) {
    const tenantId = this.context.tenantId;
    const actor = this.context.actor;
    return this.db.transaction(async (manager) => {
      const id = randomUUID();
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ReviewItemEntity)
        .values({
          id,
          tenantId,
          kind: request.kind,
          status: 'pending',
          risk: request.risk,
          subjectKey: request.subjectKey,
          title: request.title,
          connectionId: request.connectionId ?? null,
          stream: request.stream ?? null,
          payload: request.payload as object,
          requestedByType: actor.type,
          requestedById: actor.id,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) {
        const first = await manager.findOneOrFail(ReviewItemEntity, { where: { subjectKey: request.subjectKey } });
        return { itemId: first.id, created: false };
      }
      await this.audit.record(manager, { action: 'review.requested', subjectType: 'review_item', subjectId: id, after: { kind: request.kind, title: request.title, risk: request.risk } });
      await this.outbox.add(manager, 'review_item', new ReviewRequested(tenantId, id, request.kind, request.risk, request.title, request.connectionId ?? null, request.stream ?? null));
      return { itemId: id, created: true };
    });
  }
}
