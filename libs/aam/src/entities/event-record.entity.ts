import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CanonicalOperation, QualityFlag } from '../canonical/canonical-event';

/**
 * The audit trail, part two: one row per canonical event, as compact as it can be: the batch
 * it belongs to (tenant, connection, stream, schema version, columns, file checksum, ingested
 * at), its position and key, and its values as a JSON array in the batch's column order (text
 * or null: decimals stay exact). The envelope is rebuilt on read (see toAuditEventView).
 *
 * Partitioned by tenant (one DEFAULT partition today) because PostgreSQL refuses COPY into a
 * table with row-level security: the application COPYs into the partition, which it may only
 * INSERT into, and a CHECK constraint refuses rows of another tenant; it reads through this
 * parent table, under row-level security. See migration 1795750000000.
 */
@Entity('aam_event_records')
@Index('aam_event_records_event_idx', ['eventId'])
export class EventRecordEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid', primaryKeyConstraintName: 'aam_event_records_pkey' })
  tenantId: string;

  @PrimaryColumn({ name: 'batch_id', type: 'uuid', primaryKeyConstraintName: 'aam_event_records_pkey' })
  batchId: string;

  /** 0-based place in its batch. */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'aam_event_records_pkey' })
  position: number;

  /** Deterministic (UUID v5 of tenant, connection, stream, key, operation, content hash): a re-run finds it and writes nothing. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'row_number', type: 'integer', nullable: true })
  rowNumber: number | null;

  @Column({ type: 'integer', nullable: true })
  line: number | null;

  @Column({ name: 'record_key', type: 'text' })
  recordKey: string;

  @Column({ type: 'text' })
  operation: CanonicalOperation;

  /** Values in the batch's column order. json: stored as written, cheap to insert. */
  @Column({ name: 'field_values', type: 'json' })
  fieldValues: Array<string | null>;

  /** Null when the record has none (nearly always). */
  @Column({ name: 'quality_flags', type: 'json', nullable: true })
  qualityFlags: QualityFlag[] | null;
}
