import { Column, Entity, PrimaryColumn } from 'typeorm';

const PK = 'dcl_view_refreshes_pkey';

/** The last refresh of a tenant's view: when, from which source state, how big, how long. */
@Entity('dcl_view_refreshes')
export class ViewRefreshEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid', primaryKeyConstraintName: PK })
  tenantId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: PK })
  view: string;

  @Column({ name: 'refreshed_at', type: 'timestamptz' })
  refreshedAt: Date;

  /** Count and latest change of the entity rows the view read: equal ⇒ nothing to recompute. */
  @Column({ name: 'source_signature', type: 'text' })
  sourceSignature: string;

  @Column({ name: 'row_count', type: 'integer' })
  rowCount: number;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;
}
