import { TenantEntity } from '@autonomos/platform';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ConnectionKind } from '../connectors/source-connector';
import type { PilotDomain } from '../routing/domain.router';
import type { SchemaContract } from '../schema/schema.contract';

/** A tenant's configured source. Credentials are sealed (SecretBox) and never leave the domain. */
@Entity('connections')
@Index('connections_tenant_idx', ['tenantId', 'createdAt'])
@Check('connections_kind_check', `kind IN ('filesource', 'postgres', 'supabase', 'salesforce', 'mongodb')`)
@Check('connections_domain_check', `domain_override IN ('finops', 'revops', 'unknown')`)
export class ConnectionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'connections_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: ConnectionKind;

  /** Non-secret settings, validated per kind. */
  @Column({ type: 'jsonb' })
  config: Record<string, unknown>;

  /** AES-256-GCM sealed JSON, `v1:<key id>:…`; null when the source needs none. */
  @Column({ name: 'sealed_credentials', type: 'text', nullable: true })
  sealedCredentials: string | null;

  @Column({ name: 'domain_override', type: 'text', nullable: true })
  domainOverride: PilotDomain | null;

  /** Schema contract per stream; `*` applies to streams without their own. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  contracts: Record<string, SchemaContract>;

  /** Incremental sync position per stream, advanced only when a stream's sync commits. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  cursors: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
