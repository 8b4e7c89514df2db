import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CanonicalEventMetadata, CanonicalOperation } from '../canonical/canonical-event';

/**
 * The audit trail: every canonical event once. The primary key is the deterministic event id,
 * so a re-run inserts nothing new (COPY into a staging table, then INSERT … ON CONFLICT DO
 * NOTHING). Rows outlive their connection: the trail is history.
 */
@Entity('aam_events')
@Index('aam_events_stream_idx', ['tenantId', 'connectionId', 'stream'])
export class AuditEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @Column({ name: 'source_kind', type: 'text' })
  sourceKind: string;

  @Column({ type: 'text' })
  stream: string;

  @Column({ name: 'record_key', type: 'text' })
  recordKey: string;

  @Column({ type: 'text' })
  operation: CanonicalOperation;

  /** Values as text (or null): decimals stay exact. json, not jsonb: stored as written, cheap to insert. */
  @Column({ type: 'json' })
  payload: Record<string, string | null>;

  @Column({ name: 'schema_version', type: 'text' })
  schemaVersion: string;

  @Column({ name: 'ingested_at', type: 'timestamptz' })
  ingestedAt: Date;

  @Column({ type: 'json' })
  metadata: CanonicalEventMetadata;
}
