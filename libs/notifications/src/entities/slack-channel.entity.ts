import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A tenant's Slack Incoming Webhook; the URL is a secret (sealed with SecretBox, never returned). */
@Entity('notification_channels')
export class SlackChannelEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'sealed_webhook_url', type: 'text' })
  sealedWebhookUrl: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
