import { MigrationInterface, QueryRunner } from "typeorm";

export class Baseline1795681635803 implements MigrationInterface {
    name = 'Baseline1795681635803'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "outbox_events" ("id" BIGSERIAL NOT NULL, "tenant_id" uuid NOT NULL, "aggregate_type" text NOT NULL, "aggregate_id" text NOT NULL, "event_type" text NOT NULL, "payload" jsonb NOT NULL, "correlation_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "outbox_events_unpublished_idx" ON "outbox_events" ("id") WHERE published_at IS NULL`);
        await queryRunner.query(`CREATE TABLE "tenants" ("id" uuid NOT NULL, "name" text NOT NULL, "settings" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "email" text NOT NULL, "display_name" text, "password_hash" text NOT NULL, "role" text NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_role_check" CHECK (role IN ('admin', 'operator', 'reviewer', 'viewer')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email") `);
        await queryRunner.query(`CREATE INDEX "users_tenant_idx" ON "users" ("tenant_id") `);
        await queryRunner.query(`CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" ("user_id") `);
        await queryRunner.query(`CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" ("family_id") `);
        await queryRunner.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "key_hash" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "api_keys_role_check" CHECK (role IN ('admin', 'operator', 'reviewer', 'viewer')), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "api_keys_tenant_idx" ON "api_keys" ("tenant_id") `);
        await queryRunner.query(`CREATE TABLE "tasks" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL, "progress" integer NOT NULL DEFAULT '0', "progress_message" text, "attempts" integer NOT NULL DEFAULT '0', "retries" integer NOT NULL DEFAULT '0', "error" text, "result" jsonb, "idempotency_key" text, "request_hash" text NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "tasks_progress_check" CHECK (progress BETWEEN 0 AND 100), CONSTRAINT "tasks_status_check" CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')), CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "tasks_idempotency_key" ON "tasks" ("tenant_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "tasks_tenant_created_idx" ON "tasks" ("tenant_id", "created_at", "id") `);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "tasks_tenant_fk"`);
        await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_tenant_fk"`);
        await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "refresh_tokens_user_fk"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_tenant_fk"`);
        await queryRunner.query(`DROP INDEX "public"."tasks_tenant_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."tasks_idempotency_key"`);
        await queryRunner.query(`DROP TABLE "tasks"`);
        await queryRunner.query(`DROP INDEX "public"."api_keys_tenant_idx"`);
        await queryRunner.query(`DROP TABLE "api_keys"`);
        await queryRunner.query(`DROP INDEX "public"."refresh_tokens_family_idx"`);
        await queryRunner.query(`DROP INDEX "public"."refresh_tokens_user_idx"`);
        await queryRunner.query(`DROP TABLE "refresh_tokens"`);
        await queryRunner.query(`DROP INDEX "public"."users_tenant_idx"`);
        await queryRunner.query(`DROP INDEX "public"."users_email_key"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP TABLE "tenants"`);
        await queryRunner.query(`DROP INDEX "public"."outbox_events_unpublished_idx"`);
        await queryRunner.query(`DROP TABLE "outbox_events"`);
    }

}
