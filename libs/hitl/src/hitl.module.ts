import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit-log';
import { DecideReviewHandler } from './commands/decide-review/decide-review.handler';
import { RequestReviewHandler } from './commands/request-review/request-review.handler';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { ReviewItemEntity } from './entities/review-item.entity';
import { GetReviewItemHandler } from './queries/get-review-item/get-review-item.handler';
import { ListAuditHandler } from './queries/list-audit/list-audit.handler';
import { ListReviewItemsHandler } from './queries/list-review-items/list-review-items.handler';
import { ReviewKinds } from './review-kinds';

/** Review queue, decisions and the audit log. */
@Module({
  imports: [TypeOrmModule.forFeature([ReviewItemEntity, AuditEntryEntity])],
  providers: [AuditLog, ReviewKinds, RequestReviewHandler, DecideReviewHandler, ListReviewItemsHandler, GetReviewItemHandler, ListAuditHandler],
  exports: [AuditLog, ReviewKinds],
})
export class HitlModule {}
