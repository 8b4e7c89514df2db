import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliverNotificationHandler } from './commands/deliver-notification/deliver-notification.handler';
import { NotifyHandler } from './commands/notify/notify.handler';
import { SetSlackWebhookHandler } from './commands/set-slack-webhook/set-slack-webhook.handler';
import { DeliveryEntity } from './entities/delivery.entity';
import { SlackChannelEntity } from './entities/slack-channel.entity';
import { NOTIFICATIONS_QUEUE, NotificationQueue } from './notification-queue';
import { GetSlackSettingsHandler } from './queries/get-slack-settings/get-slack-settings.handler';
import { ListDeliveriesHandler } from './queries/list-deliveries/list-deliveries.handler';

/** Slack Incoming Webhooks per tenant. */
@Module({
  imports: [TypeOrmModule.forFeature([SlackChannelEntity, DeliveryEntity]), BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE })],
  providers: [NotificationQueue, NotifyHandler, DeliverNotificationHandler, SetSlackWebhookHandler, GetSlackSettingsHandler, ListDeliveriesHandler],
  exports: [BullModule],
})
export class NotificationsModule {}
