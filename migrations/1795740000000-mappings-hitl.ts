import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['mappings', 'mapping_versions', 'mapping_repairs', 'repair_policies', 'saga_inbox', 'saga_schedules', 'review_items', 'audit_log', 'notification_channels', 'notification_deliveries'];
const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * Versioned mappings and their repairs, the repair policy, saga inbox and schedules, the HITL
 * review queue, the append-only audit log, and Slack notifications. Row-level security on every
 * table, as everywhere; the application role may not update or delete audit entries.
 */
export class MappingsHitl1795740000000 implements MigrationInterface {
  name = 'MappingsHitl1795740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "tenant_id" uuid NOT NULL, "actor_type" text NOT NULL, "actor_id" text NOT NULL, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" text NOT NULL, "before" jsonb, "after" jsonb, "correlation_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_log_tenant_created_idx" ON "audit_log" ("tenant_id", "created_at", "id")`);
    await queryRunner.query(`CREATE TABLE "review_items" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "risk" text NOT NULL, "subject_key" text NOT NULL, "title" text NOT NULL, "connection_id" uuid, "stream" text, "payload" jsonb NOT NULL, "requested_by_type" text NOT NULL, "requested_by_id" text NOT NULL, "decision" text, "decided_by_id" text, "reason" text, "edited" jsonb, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_417e5a69fd5f01f31e3c0303dfe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "review_items_queue_idx" ON "review_items" ("tenant_id", "status", "created_at", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "review_items_subject_key" ON "review_items" ("tenant_id", "subject_key")`);
    await queryRunner.query(`CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "kind" text NOT NULL, "dedupe_key" text NOT NULL, "status" text NOT NULL, "message" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notification_deliveries_tenant_created_idx" ON "notification_deliveries" ("tenant_id", "created_at", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_deliveries_dedupe_key" ON "notification_deliveries" ("tenant_id", "dedupe_key")`);
    await queryRunner.query(`CREATE TABLE "notification_channels" ("tenant_id" uuid NOT NULL, "sealed_webhook_url" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7d303e00660299edc1e2c8849c" PRIMARY KEY ("tenant_id"))`);
    await queryRunner.query(`CREATE TABLE "mappings" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "stream" text NOT NULL, "entity" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f77700976d4a5ff7d7ed8445c03" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mappings_stream_key" ON "mappings" ("tenant_id", "connection_id", "stream")`);
    await queryRunner.query(`CREATE TABLE "mapping_versions" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "mapping_id" uuid NOT NULL, "version" integer NOT NULL, "entity" text NOT NULL, "fields" jsonb NOT NULL, "change" text NOT NULL, "change_key" text, "actor_type" text NOT NULL, "actor_id" text NOT NULL, "evidence" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b764e9d3fa342987a8f18fb51ea" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mapping_versions_change_key" ON "mapping_versions" ("mapping_id", "change_key")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mapping_versions_version_key" ON "mapping_versions" ("mapping_id", "version")`);
    await queryRunner.query(`CREATE TABLE "mapping_repairs" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "mapping_id" uuid NOT NULL, "drift_id" uuid NOT NULL, "base_version" integer NOT NULL, "breaking" boolean NOT NULL, "proposals" jsonb NOT NULL, "samples" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_611b206ada2d63cf83345239817" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mapping_repairs_drift_key" ON "mapping_repairs" ("tenant_id", "drift_id")`);
    await queryRunner.query(`CREATE TABLE "repair_policies" ("tenant_id" uuid NOT NULL, "policy" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_21e877ba77fe925f038a0c11f04" PRIMARY KEY ("tenant_id"))`);
    await queryRunner.query(`CREATE TABLE "saga_inbox" ("outbox_id" bigint NOT NULL, "tenant_id" uuid NOT NULL, "event_type" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL, "last_error" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_edfc1e2f142e9c69fd746f3e1c5" PRIMARY KEY ("outbox_id"))`);
    await queryRunner.query(`CREATE TABLE "saga_schedules" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "saga" text NOT NULL, "connection_id" uuid NOT NULL, "cron" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3adb9669960b61aac7cce14bebb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "saga_schedules_key" ON "saga_schedules" ("tenant_id", "saga", "connection_id")`);
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
    }
    // Append-only: what happened stays as it was recorded.
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM autonomos_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
