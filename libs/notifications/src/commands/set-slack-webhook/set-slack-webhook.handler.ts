import { RequestContext, SecretBox, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SlackChannelEntity } from '../../entities/slack-channel.entity';
import { SetSlackWebhookCommand } from './set-slack-webhook.command';

@CommandHandler(SetSlackWebhookCommand)
export class SetSlackWebhookHandler implements ICommandHandler<SetSlackWebhookCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly secrets: SecretBox,
  ) {}

  async execute({ webhookUrl }: SetSlackWebhookCommand) {
    const tenantId = this.context.tenantId;
    await this.db.transaction(async (manager) => {
      if (webhookUrl === null) return manager.delete(SlackChannelEntity, { tenantId });
      // The tenant id is the sealing context: a URL copied to another tenant's row does not open.
      return manager.upsert(SlackChannelEntity, { tenantId, sealedWebhookUrl: this.secrets.seal(webhookUrl, `slack:${tenantId}`) }, ['tenantId']);
    });
    return { configured: webhookUrl !== null };
  }
}
