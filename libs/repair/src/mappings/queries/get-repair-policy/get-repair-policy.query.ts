import { Query } from '@nestjs/cqrs';
import type { RepairPolicy } from '../../repair-policy';

/** The tenant's auto-apply policy (the defaults when it never set one). */
export class GetRepairPolicyQuery extends Query<RepairPolicy> {}
