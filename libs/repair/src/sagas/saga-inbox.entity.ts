import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type SagaStepStatus = 'done' | 'retry' | 'failed';

/**
 * Which relayed events the sagas have handled. The relay marks an event published before its
 * saga step runs, so a worker killed in between would lose the step: SagaRecovery re-publishes
 * events with no `done` row here.
 */
@Entity('saga_inbox')
export class SagaInboxEntity {
  @PrimaryColumn({ name: 'outbox_id', type: 'bigint' })
  outboxId: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ type: 'text' })
  status: SagaStepStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
