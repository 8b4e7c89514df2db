import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

const PK = 'dcl_entity_rows_pkey';

/**
 * A canonical entity row (ontology fields as exact text) produced from one source record by the
 * stream's active mapping. Keyed by the source record, so a replayed stream entry overwrites
 * itself instead of counting twice; `entry_seq` (the Redis entry id as a number) keeps an
 * older entry from overwriting a newer one. Its connection is checked, and its deletion
 * cascades, by statement-level triggers (migration 1795750000000), not a per-row foreign key.
 */
@Entity('dcl_entity_rows')
@Index('dcl_entity_rows_entity_idx', ['tenantId', 'entity', 'changedAt'])
export class EntityRowEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid', primaryKeyConstraintName: PK })
  tenantId: string;

  @PrimaryColumn({ name: 'connection_id', type: 'uuid', primaryKeyConstraintName: PK })
  connectionId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: PK })
  stream: string;

  @PrimaryColumn({ name: 'record_key', type: 'text', primaryKeyConstraintName: PK })
  recordKey: string;

  @Column({ type: 'text' })
  entity: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'entry_seq', type: 'bigint' })
  entrySeq: string;

  @Column({ name: 'mapping_id', type: 'text' })
  mappingId: string;

  @Column({ name: 'mapping_version', type: 'integer' })
  mappingVersion: number;

  @Column({ type: 'jsonb' })
  fields: Record<string, string | null>;

  @UpdateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
