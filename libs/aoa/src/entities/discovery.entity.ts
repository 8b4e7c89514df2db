import { TenantEntity } from '@autonomos/platform';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Recommendation } from '../agent/recommend';
import type { LevelStats } from '../risk/risk-scoring';

/** One completed discovery (a query or a full demo scan): what was asked, what came back, what was advised. */
@Entity('aoa_discoveries')
@Index('aoa_discoveries_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
@Check('aoa_discoveries_scope_check', `scope IN ('query', 'full')`)
export class DiscoveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'aoa_discoveries_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ type: 'text' })
  scope: 'query' | 'full';

  @Column({ type: 'text' })
  query: string;

  /** AOD's id of its answer (the first page's, for a full scan). */
  @Column({ name: 'request_id', type: 'text' })
  requestId: string;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  @Column({ name: 'asset_count', type: 'int' })
  assetCount: number;

  @Column({ type: 'jsonb' })
  levels: LevelStats;

  @Column({ type: 'jsonb' })
  recommendations: Recommendation[];

  @Column({ name: 'requested_by_id', type: 'text' })
  requestedById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
