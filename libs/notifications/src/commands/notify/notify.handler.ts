import { AppConfig, RequestContext, TenantDb } from '@autonomos/platform';
import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DeliveryEntity } from '../../entities/delivery.entity';
import { SlackChannelEntity } from '../../entities/slack-channel.entity';
import { NotificationQueue } from '../../notification-queue';
import { NotifyCommand } from './notify.command';

@CommandHandler(NotifyCommand)
export class NotifyHandler implements ICommandHandler<NotifyCommand> {
  private readonly logger = new Logger(NotifyHandler.name);

  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly config: AppConfig,
    private readonly queue: NotificationQueue,
  ) {}

  async execute({ notification }: NotifyCommand) {
    const tenantId = this.context.tenantId;
    const link = notification.itemId ? `${this.config.get('CONSOLE_URL').replace(/\/$/, '')}/hitl/items/${notification.itemId}` : undefined;
    const id = await this.db.transaction(async (manager) => {
      if (!(await manager.findOne(SlackChannelEntity, { where: { tenantId } }))) return null;
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(DeliveryEntity)
        .values({ id: randomUUID(), tenantId, kind: notification.kind, dedupeKey: notification.dedupeKey, status: 'queued', message: { text: link ? `${notification.text}\n<${link}|Open in AutonomOS>` : notification.text } })
        .orIgnore()
        .returning(['id'])
        .execute();
      return (inserted.raw[0]?.id as string | undefined) ?? null;
    });
    // After commit. If Redis refuses, the delivery stays queued and visible.
    if (id) await this.queue.enqueue(tenantId, id).catch((error: Error) => this.logger.warn(`notification ${id} not enqueued: ${error.message}`));
    return { deliveryId: id };
  }
}
