import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RepairPolicy } from '../repair-policy';

/** A tenant's auto-apply policy; a tenant without a row uses the defaults. */
@Entity('repair_policies')
export class RepairPolicyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'jsonb' })
  policy: RepairPolicy;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
