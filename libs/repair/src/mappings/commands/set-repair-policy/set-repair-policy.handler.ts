import { AuditLog } from '@autonomos/hitl';
import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RepairPolicyEntity } from '../../entities/repair-policy.entity';
import { DEFAULT_REPAIR_POLICY } from '../../repair-policy';
import { SetRepairPolicyCommand } from './set-repair-policy.command';

@CommandHandler(SetRepairPolicyCommand)
export class SetRepairPolicyHandler implements ICommandHandler<SetRepairPolicyCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
  ) {}

  async execute({ policy }: SetRepairPolicyCommand) {
    const tenantId = this.context.tenantId;
    return this.db.transaction(async (manager) => {
      const before = await manager.findOne(RepairPolicyEntity, { where: { tenantId }, lock: { mode: 'pessimistic_write' } });
      await manager.upsert(RepairPolicyEntity, { tenantId, policy }, ['tenantId']);
      await this.audit.record(manager, { action: 'policy.updated', subjectType: 'repair_policy', subjectId: tenantId, before: before?.policy ?? DEFAULT_REPAIR_POLICY, after: policy });
      return policy;
    });
  }
}
