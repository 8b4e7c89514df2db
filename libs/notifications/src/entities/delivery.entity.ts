import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type DeliveryStatus = 'queued' | 'sent' | 'failed';
export const NOTIFICATION_KINDS = ['review_requested', 'breaking_drift', 'review_escalated', 'test'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One notification to Slack and how its delivery went; `dedupe_key` sends each subject once. */
@Entity('notification_deliveries')
@Index('notification_deliveries_dedupe_key', ['tenantId', 'dedupeKey'], { unique: true })
@Index('notification_deliveries_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class DeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  /** The Slack message body. */
  @Column({ type: 'jsonb' })
  message: { text: string };

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
