import { Query } from '@nestjs/cqrs';

/** Whether the tenant has a Slack webhook (never the URL). */
export class GetSlackSettingsQuery extends Query<{ configured: boolean; updatedAt: string | null }> {}
