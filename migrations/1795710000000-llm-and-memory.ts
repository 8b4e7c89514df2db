import { MigrationInterface, QueryRunner } from 'typeorm';

// '' (not NULL) is what a transaction-local setting reads as once its transaction ended.
const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * The repair engine's RAG memory: approved mappings with an embedding per source column,
 * isolated per tenant by row-level security like every tenant table. Grants to autonomos_app
 * come from the default privileges set in TenantIsolation.
 */
export class LlmAndMemory1795710000000 implements MigrationInterface {
  name = 'LlmAndMemory1795710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mapping_memories" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "signature" text NOT NULL, "source_kind" text, "stream" text, "source_column" text NOT NULL, "samples" jsonb NOT NULL DEFAULT '[]', "target_entity" text, "target_field" text NOT NULL, "embedding" real array NOT NULL, "embedding_model" text NOT NULL, "approved_by" text NOT NULL, "approvals" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4322e94e64347c379007593727b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "mapping_memories_signature_key" ON "mapping_memories" ("tenant_id", "signature") `);
    await queryRunner.query(`CREATE INDEX "mapping_memories_tenant_model_idx" ON "mapping_memories" ("tenant_id", "embedding_model", "updated_at") `);
    await queryRunner.query(`ALTER TABLE "mapping_memories" ADD CONSTRAINT "mapping_memories_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE mapping_memories ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY tenant_isolation ON mapping_memories USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mapping_memories"`);
  }
}
