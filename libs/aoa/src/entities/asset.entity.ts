import { TenantEntity } from '@autonomos/platform';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DiscoveredAsset } from '../contract/discovery.contract';
import type { RiskFactor, RiskLevel } from '../risk/risk-scoring';

/** An asset AOD reported, kept once per AOD asset id (a later discovery updates it) with its risk. */
@Entity('aoa_assets')
@Index('aoa_assets_asset_key', ['tenantId', 'assetId'], { unique: true })
@Check('aoa_assets_risk_level_check', `risk_level IN ('high', 'medium', 'low')`)
export class AssetEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'aoa_assets_tenant_fk' })
  tenant?: TenantEntity;

  /** AOD's id of the asset. */
  @Column({ name: 'asset_id', type: 'text' })
  assetId: string;

  @Column({ type: 'text' })
  name: string;

  /** The asset as AOD last described it. */
  @Column({ type: 'jsonb' })
  attributes: DiscoveredAsset;

  @Column({ name: 'risk_score', type: 'int' })
  riskScore: number;

  @Column({ name: 'risk_level', type: 'text' })
  riskLevel: RiskLevel;

  @Column({ name: 'risk_factors', type: 'jsonb' })
  riskFactors: RiskFactor[];

  /** The HITL item of kind `asset` a reviewer decides (high and medium assets). */
  @Column({ name: 'review_item_id', type: 'uuid', nullable: true })
  reviewItemId: string | null;

  @Column({ name: 'last_discovery_id', type: 'uuid' })
  lastDiscoveryId: string;

  @CreateDateColumn({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
