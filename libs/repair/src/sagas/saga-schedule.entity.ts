import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * An operator's cron schedule of a saga for a connection. The BullMQ job scheduler
 * (`<saga>:<tenant>:<connection>`) fires it; this row is what the tenant sees and owns.
 */
@Entity('saga_schedules')
@Index('saga_schedules_key', ['tenantId', 'saga', 'connectionId'], { unique: true })
export class SagaScheduleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  saga: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @Column({ type: 'text' })
  cron: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
