import { MigrationInterface, QueryRunner } from "typeorm";

const AAM_TABLES = ['connections', 'aam_events', 'aam_schema_versions', 'aam_drifts', 'aam_quarantine'];
const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/** AAM: connections, the canonical-event audit trail, schema history, drift and quarantine. */
export class Aam1795700000000 implements MigrationInterface {
    name = 'Aam1795700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "aam_events" ("event_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "source_kind" text NOT NULL, "stream" text NOT NULL, "record_key" text NOT NULL, "operation" text NOT NULL, "payload" jsonb NOT NULL, "schema_version" text NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "metadata" jsonb NOT NULL, CONSTRAINT "PK_b1982ea9172c65138cba6ad3a1a" PRIMARY KEY ("event_id"))`);
        await queryRunner.query(`CREATE INDEX "aam_events_stream_idx" ON "aam_events" ("tenant_id", "connection_id", "stream") `);
        await queryRunner.query(`CREATE TABLE "connections" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "config" jsonb NOT NULL, "sealed_credentials" text, "domain_override" text, "contracts" jsonb NOT NULL DEFAULT '{}', "cursors" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "connections_domain_check" CHECK (domain_override IN ('finops', 'revops', 'unknown')), CONSTRAINT "connections_kind_check" CHECK (kind IN ('filesource', 'postgres', 'supabase', 'salesforce', 'mongodb')), CONSTRAINT "PK_0a1f844af3122354cbd487a8d03" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "connections_tenant_idx" ON "connections" ("tenant_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "aam_drifts" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "stream" text NOT NULL, "from_version" integer NOT NULL, "to_version" integer NOT NULL, "from_fingerprint" text NOT NULL, "to_fingerprint" text NOT NULL, "breaking" boolean NOT NULL, "changes" jsonb NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cb245a96ddb29833dd1e448eb4e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "aam_drifts_tenant_detected_idx" ON "aam_drifts" ("tenant_id", "detected_at", "id") `);
        await queryRunner.query(`CREATE TABLE "aam_quarantine" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "stream" text NOT NULL, "reason" text NOT NULL, "message" text NOT NULL, "position" integer, "line" integer, "raw" jsonb NOT NULL, "violations" jsonb NOT NULL DEFAULT '[]', "record_hash" text NOT NULL, "replayed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e5274925a2ed7100dc9a9934e9c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "aam_quarantine_tenant_created_idx" ON "aam_quarantine" ("tenant_id", "created_at", "id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "aam_quarantine_record_key" ON "aam_quarantine" ("tenant_id", "connection_id", "stream", "record_hash") `);
        await queryRunner.query(`CREATE TABLE "aam_schema_versions" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "stream" text NOT NULL, "version" integer NOT NULL, "fingerprint" text NOT NULL, "schema" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6f9059eacb588b61c8ff690f99b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "aam_schema_versions_stream_version_key" ON "aam_schema_versions" ("connection_id", "stream", "version") `);
        await queryRunner.query(`ALTER TABLE "connections" ADD CONSTRAINT "connections_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "aam_drifts" ADD CONSTRAINT "aam_drifts_connection_fk" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "aam_quarantine" ADD CONSTRAINT "aam_quarantine_connection_fk" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "aam_schema_versions" ADD CONSTRAINT "aam_schema_versions_connection_fk" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // Row-level security, as on every tenant table (see 1795681635804-tenant-isolation.ts).
        for (const table of AAM_TABLES) {
            await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
            await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of AAM_TABLES) {
            await queryRunner.query(`DROP POLICY tenant_isolation ON ${table}`);
        }
        await queryRunner.query(`ALTER TABLE "aam_schema_versions" DROP CONSTRAINT "aam_schema_versions_connection_fk"`);
        await queryRunner.query(`ALTER TABLE "aam_quarantine" DROP CONSTRAINT "aam_quarantine_connection_fk"`);
        await queryRunner.query(`ALTER TABLE "aam_drifts" DROP CONSTRAINT "aam_drifts_connection_fk"`);
        await queryRunner.query(`ALTER TABLE "connections" DROP CONSTRAINT "connections_tenant_fk"`);
        await queryRunner.query(`DROP INDEX "public"."aam_schema_versions_stream_version_key"`);
        await queryRunner.query(`DROP TABLE "aam_schema_versions"`);
        await queryRunner.query(`DROP INDEX "public"."aam_quarantine_record_key"`);
        await queryRunner.query(`DROP INDEX "public"."aam_quarantine_tenant_created_idx"`);
        await queryRunner.query(`DROP TABLE "aam_quarantine"`);
        await queryRunner.query(`DROP INDEX "public"."aam_drifts_tenant_detected_idx"`);
        await queryRunner.query(`DROP TABLE "aam_drifts"`);
        await queryRunner.query(`DROP INDEX "public"."connections_tenant_idx"`);
        await queryRunner.query(`DROP TABLE "connections"`);
        await queryRunner.query(`DROP INDEX "public"."aam_events_stream_idx"`);
        await queryRunner.query(`DROP TABLE "aam_events"`);
    }

}
