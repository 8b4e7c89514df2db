import { Column, Entity, PrimaryColumn } from 'typeorm';

const PK = 'dcl_view_rows_pkey';

/**
 * A materialised view's rows as exported from DuckDB: one JSON object per row (decimals as
 * exact strings), in the view's own order. A refresh replaces a tenant's rows of one view in
 * one transaction, so readers see the previous refresh or the next, never half of one.
 */
@Entity('dcl_view_rows')
export class ViewRowEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid', primaryKeyConstraintName: PK })
  tenantId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: PK })
  view: string;

  @PrimaryColumn({ name: 'row_no', type: 'integer', primaryKeyConstraintName: PK })
  rowNo: number;

  @Column({ type: 'jsonb' })
  row: Record<string, unknown>;
}
