import { RequestContext, TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SlackChannelEntity } from '../../entities/slack-channel.entity';
import { GetSlackSettingsQuery } from './get-slack-settings.query';

@QueryHandler(GetSlackSettingsQuery)
export class GetSlackSettingsHandler implements IQueryHandler<GetSlackSettingsQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  async execute() {
    const channel = await this.db.transaction((manager) => manager.findOne(SlackChannelEntity, { where: { tenantId: this.context.tenantId } }));
    return { configured: !!channel, updatedAt: channel?.updatedAt.toISOString() ?? null };
  }
}
