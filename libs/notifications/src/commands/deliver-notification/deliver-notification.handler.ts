import { AppConfig, SecretBox, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliveryEntity } from '../../entities/delivery.entity';
import { SlackChannelEntity } from '../../entities/slack-channel.entity';
import { DeliverNotificationCommand } from './deliver-notification.command';

@CommandHandler(DeliverNotificationCommand)
export class DeliverNotificationHandler implements ICommandHandler<DeliverNotificationCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly secrets: SecretBox,
    private readonly config: AppConfig,
  ) {}

  async execute({ deliveryId, attempt, maxAttempts }: DeliverNotificationCommand) {
    const { delivery, channel } = await this.db.transaction(async (manager) => {
      const delivery = await manager.findOne(DeliveryEntity, { where: { id: deliveryId } });
      return { delivery, channel: delivery ? await manager.findOne(SlackChannelEntity, { where: { tenantId: delivery.tenantId } }) : null };
    });
    if (!delivery || delivery.status === 'sent') return;
    try {
      if (!channel) throw new Error('the tenant has no Slack webhook any more');
      const url = this.secrets.open(channel.sealedWebhookUrl, `slack:${delivery.tenantId}`);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(delivery.message),
        signal: AbortSignal.timeout(this.config.get('NOTIFY_TIMEOUT_MS')),
      });
      if (!response.ok) throw new Error(`Slack answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      await this.record(deliveryId, { status: 'sent', attempts: attempt, lastError: null, sentAt: new Date() });
    } catch (error) {
      // The URL is a secret: errors name the status, never the address.
      const message = error instanceof Error ? error.message.replace(/https?:\/\/\S+/g, '<webhook>') : String(error);
      await this.record(deliveryId, { status: attempt >= maxAttempts ? 'failed' : 'queued', attempts: attempt, lastError: message });
      throw new Error(message);
    }
  }

  private record(id: string, changes: Partial<DeliveryEntity>): Promise<unknown> {
    return this.db.transaction((manager) => manager.update(DeliveryEntity, { id }, changes));
  }
}
