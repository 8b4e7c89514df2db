import { TenantEntity } from '@autonomos/platform';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type TaskStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const TASK_STATUSES: readonly TaskStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
export const FINISHED_STATUSES: readonly TaskStatus[] = ['succeeded', 'failed', 'cancelled'];

/** PostgreSQL holds the truth about a task; BullMQ only carries the work to a worker. */
@Entity('tasks')
@Check('tasks_status_check', `status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')`)
@Check('tasks_progress_check', 'progress BETWEEN 0 AND 100')
@Index('tasks_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
@Index('tasks_idempotency_key', ['tenantId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
export class TaskEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'tasks_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ type: 'text' })
  status: TaskStatus;

  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ name: 'progress_message', type: 'text', nullable: true })
  progressMessage: string | null;

  /** Runs started, counting retries after failures and runs taken over from a dead worker. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** How many times an operator retried it; part of the BullMQ job id so each retry is a new job. */
  @Column({ type: 'int', default: 0 })
  retries: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result: object | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of type and payload, to tell a replay from a different request with the same key. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
