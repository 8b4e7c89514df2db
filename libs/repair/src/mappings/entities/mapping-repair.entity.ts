import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RepairProposal } from '../../proposals/repair-proposal';

/** The proposals made for one drift of a mapped stream; one per drift (a re-delivered drift proposes nothing new). */
@Entity('mapping_repairs')
@Index('mapping_repairs_drift_key', ['tenantId', 'driftId'], { unique: true })
export class MappingRepairEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'mapping_id', type: 'uuid' })
  mappingId: string;

  @Column({ name: 'drift_id', type: 'uuid' })
  driftId: string;

  /** The mapping version the proposals were made against. */
  @Column({ name: 'base_version', type: 'int' })
  baseVersion: number;

  @Column({ type: 'boolean' })
  breaking: boolean;

  @Column({ type: 'jsonb' })
  proposals: RepairProposal[];

  /** Columns of the drifted schema with their sample values: what edits and transforms are checked against. */
  @Column({ type: 'jsonb' })
  samples: Record<string, string[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
