import { Command } from '@nestjs/cqrs';

/** Sets (sealed) or, with null, removes the tenant's Slack Incoming Webhook URL. */
export class SetSlackWebhookCommand extends Command<{ configured: boolean }> {
  constructor(readonly webhookUrl: string | null) {
    super();
  }
}
