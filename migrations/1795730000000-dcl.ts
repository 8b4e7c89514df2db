import { MigrationInterface, QueryRunner } from 'typeorm';

const DCL_TABLES = ['dcl_entity_rows', 'dcl_pending_records', 'dcl_view_rows', 'dcl_view_refreshes'];
const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/** DCL: canonical entity rows, records waiting for a mapping, exported view rows and refresh state. */
export class Dcl1795730000000 implements MigrationInterface {
  name = 'Dcl1795730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "dcl_entity_rows" ("tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "stream" text NOT NULL, "record_key" text NOT NULL, "entity" text NOT NULL, "event_id" uuid NOT NULL, "entry_seq" bigint NOT NULL, "mapping_id" text NOT NULL, "mapping_version" integer NOT NULL, "fields" jsonb NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dcl_entity_rows_pkey" PRIMARY KEY ("tenant_id", "connection_id", "stream", "record_key"))`);
    await queryRunner.query(`CREATE INDEX "dcl_entity_rows_entity_idx" ON "dcl_entity_rows" ("tenant_id", "entity", "changed_at") `);
    await queryRunner.query(`CREATE TABLE "dcl_pending_records" ("tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "stream" text NOT NULL, "record_key" text NOT NULL, "event_id" uuid NOT NULL, "entry_seq" bigint NOT NULL, "reason" text NOT NULL, "detail" text NOT NULL, "values" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "dcl_pending_records_pkey" PRIMARY KEY ("tenant_id", "connection_id", "stream", "record_key"))`);
    await queryRunner.query(`CREATE INDEX "dcl_pending_records_created_idx" ON "dcl_pending_records" ("tenant_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "dcl_view_rows" ("tenant_id" uuid NOT NULL, "view" text NOT NULL, "row_no" integer NOT NULL, "row" jsonb NOT NULL, CONSTRAINT "dcl_view_rows_pkey" PRIMARY KEY ("tenant_id", "view", "row_no"))`);
    await queryRunner.query(`CREATE TABLE "dcl_view_refreshes" ("tenant_id" uuid NOT NULL, "view" text NOT NULL, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source_signature" text NOT NULL, "row_count" integer NOT NULL, "duration_ms" integer NOT NULL, CONSTRAINT "dcl_view_refreshes_pkey" PRIMARY KEY ("tenant_id", "view"))`);
    await queryRunner.query(`ALTER TABLE "dcl_entity_rows" ADD CONSTRAINT "dcl_entity_rows_connection_fk" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "dcl_pending_records" ADD CONSTRAINT "dcl_pending_records_connection_fk" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Row-level security, as on every tenant table (see 1795681635804-tenant-isolation.ts).
    for (const table of DCL_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of DCL_TABLES) {
      await queryRunner.query(`DROP POLICY tenant_isolation ON ${table}`);
    }
    await queryRunner.query(`ALTER TABLE "dcl_pending_records" DROP CONSTRAINT "dcl_pending_records_connection_fk"`);
    await queryRunner.query(`ALTER TABLE "dcl_entity_rows" DROP CONSTRAINT "dcl_entity_rows_connection_fk"`);
    await queryRunner.query(`DROP TABLE "dcl_view_refreshes"`);
    await queryRunner.query(`DROP TABLE "dcl_view_rows"`);
    await queryRunner.query(`DROP INDEX "public"."dcl_pending_records_created_idx"`);
    await queryRunner.query(`DROP TABLE "dcl_pending_records"`);
    await queryRunner.query(`DROP INDEX "public"."dcl_entity_rows_entity_idx"`);
    await queryRunner.query(`DROP TABLE "dcl_entity_rows"`);
  }
}
