import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { SchemaChange } from '../schema/schema.diff';
import { ConnectionEntity } from './connection.entity';

/** A stream's schema moved from one fingerprint to another: the typed diff, kept. */
@Entity('aam_drifts')
@Index('aam_drifts_tenant_detected_idx', ['tenantId', 'detectedAt', 'id'])
export class DriftEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @ManyToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'aam_drifts_connection_fk' })
  connection?: ConnectionEntity;

  @Column({ type: 'text' })
  stream: string;

  @Column({ name: 'from_version', type: 'int' })
  fromVersion: number;

  @Column({ name: 'to_version', type: 'int' })
  toVersion: number;

  @Column({ name: 'from_fingerprint', type: 'text' })
  fromFingerprint: string;

  @Column({ name: 'to_fingerprint', type: 'text' })
  toFingerprint: string;

  @Column({ type: 'boolean' })
  breaking: boolean;

  @Column({ type: 'jsonb' })
  changes: SchemaChange[];

  @CreateDateColumn({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;
}
