import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The audit trail, part one: what every event of a written batch shares, stored once. Its
 * records (EventRecordEntity) hold only what differs per event, their values in `columns`'
 * order. Rows outlive their connection: the trail is history.
 */
@Entity('aam_event_batches')
@Index('aam_event_batches_stream_idx', ['tenantId', 'connectionId', 'stream'])
export class EventBatchEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid', primaryKeyConstraintName: 'aam_event_batches_pkey' })
  batchId: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @Column({ name: 'source_kind', type: 'text' })
  sourceKind: string;

  @Column({ type: 'text' })
  stream: string;

  @Column({ name: 'schema_version', type: 'text' })
  schemaVersion: string;

  /** Payload keys of every record of the batch, in payload order. */
  @Column({ type: 'text', array: true })
  columns: string[];

  /** SHA-256 of the source file; null for sources that are not files. */
  @Column({ name: 'file_checksum', type: 'text', nullable: true })
  fileChecksum: string | null;

  @Column({ name: 'record_count', type: 'integer' })
  recordCount: number;

  @Column({ name: 'ingested_at', type: 'timestamptz' })
  ingestedAt: Date;
}
