import { Command } from '@nestjs/cqrs';
import type { RepairPolicy } from '../../repair-policy';

/** Replaces the tenant's auto-apply policy; audited with before and after. */
export class SetRepairPolicyCommand extends Command<RepairPolicy> {
  constructor(readonly policy: RepairPolicy) {
    super();
  }
}
