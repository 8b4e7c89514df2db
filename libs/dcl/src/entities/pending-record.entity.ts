import { ConnectionEntity } from '@autonomos/aam';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PendingReason } from '../mapping/entity-mapper';

const PK = 'dcl_pending_records_pkey';

/**
 * A source record the DCL could not map yet (no active mapping, a drifted source, a value that
 * does not convert). It waits here, not guessed, and is replayed when a mapping is applied.
 */
@Entity('dcl_pending_records')
@Index('dcl_pending_records_created_idx', ['tenantId', 'createdAt'])
export class PendingRecordEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid', primaryKeyConstraintName: PK })
  tenantId: string;

  @PrimaryColumn({ name: 'connection_id', type: 'uuid', primaryKeyConstraintName: PK })
  connectionId: string;

  @ManyToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'dcl_pending_records_connection_fk' })
  connection?: ConnectionEntity;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: PK })
  stream: string;

  @PrimaryColumn({ name: 'record_key', type: 'text', primaryKeyConstraintName: PK })
  recordKey: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'entry_seq', type: 'bigint' })
  entrySeq: string;

  @Column({ type: 'text' })
  reason: PendingReason;

  @Column({ type: 'text' })
  detail: string;

  /** Source column → text value, as published. */
  @Column({ type: 'jsonb' })
  values: Record<string, string | null>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
