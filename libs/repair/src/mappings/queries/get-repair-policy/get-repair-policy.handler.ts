import { RequestContext, TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RepairPolicyEntity } from '../../entities/repair-policy.entity';
import { DEFAULT_REPAIR_POLICY } from '../../repair-policy';
import { GetRepairPolicyQuery } from './get-repair-policy.query';

@QueryHandler(GetRepairPolicyQuery)
export class GetRepairPolicyHandler implements IQueryHandler<GetRepairPolicyQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  async execute() {
    const row = await this.db.transaction((manager) => manager.findOne(RepairPolicyEntity, { where: { tenantId: this.context.tenantId } }));
    return row?.policy ?? DEFAULT_REPAIR_POLICY;
  }
}
