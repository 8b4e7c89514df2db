import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ConnectionEntity } from './connection.entity';

export type QuarantineReason = 'too_many_fields' | 'too_few_fields' | 'contract_violation';

/**
 * A record held back: the source refused it (a ragged CSV row) or a schema contract
 * discarded it. The raw record is kept so it can be replayed once a mapping accepts it.
 * `record_hash` makes a re-run of the same sync quarantine nothing twice.
 */
@Entity('aam_quarantine')
@Index('aam_quarantine_record_key', ['tenantId', 'connectionId', 'stream', 'recordHash'], { unique: true })
@Index('aam_quarantine_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class QuarantinedRecordEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @ManyToOne(() => ConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'aam_quarantine_connection_fk' })
  connection?: ConnectionEntity;

  @Column({ type: 'text' })
  stream: string;

  @Column({ type: 'text' })
  reason: QuarantineReason;

  @Column({ type: 'text' })
  message: string;

  /** Where it was in the source: row number, and line for files. */
  @Column({ type: 'int', nullable: true })
  position: number | null;

  @Column({ type: 'int', nullable: true })
  line: number | null;

  /** The record as read: field list for a ragged row, name → value otherwise. */
  @Column({ type: 'jsonb' })
  raw: string[] | Record<string, string | null>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  violations: object[];

  @Column({ name: 'record_hash', type: 'text' })
  recordHash: string;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
