import { RequestContext, TenantDb, TenantEntity } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dclSettingsOf } from '../../settings/dcl-settings';
import { GetDclSettingsQuery } from './get-dcl-settings.query';

@QueryHandler(GetDclSettingsQuery)
export class GetDclSettingsHandler implements IQueryHandler<GetDclSettingsQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  async execute() {
    const tenant = await this.db.transaction((manager) => manager.findOne(TenantEntity, { where: { id: this.context.tenantId } }));
    return dclSettingsOf(tenant?.settings);
  }
}
