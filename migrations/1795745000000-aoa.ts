import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['aoa_discoveries', 'aoa_assets'];
const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/** AOA: discoveries asked of AOD and the assets they found, with their risk. Row-level security on both. */
export class Aoa1795745000000 implements MigrationInterface {
  name = 'Aoa1795745000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "aoa_discoveries" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "scope" text NOT NULL, "query" text NOT NULL, "request_id" text NOT NULL, "correlation_id" text, "asset_count" integer NOT NULL, "levels" jsonb NOT NULL, "recommendations" jsonb NOT NULL, "requested_by_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "aoa_discoveries_scope_check" CHECK (scope IN ('query', 'full')), CONSTRAINT "PK_dd1e242bb7b29ca9f225215eccd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "aoa_discoveries_tenant_created_idx" ON "aoa_discoveries" ("tenant_id", "created_at", "id")`);
    await queryRunner.query(`ALTER TABLE "aoa_discoveries" ADD CONSTRAINT "aoa_discoveries_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "aoa_assets" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "asset_id" text NOT NULL, "name" text NOT NULL, "attributes" jsonb NOT NULL, "risk_score" integer NOT NULL, "risk_level" text NOT NULL, "risk_factors" jsonb NOT NULL, "review_item_id" uuid, "last_discovery_id" uuid NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "aoa_assets_risk_level_check" CHECK (risk_level IN ('high', 'medium', 'low')), CONSTRAINT "PK_314d9ad925cc54bf9d5889db2e6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "aoa_assets_asset_key" ON "aoa_assets" ("tenant_id", "asset_id")`);
    await queryRunner.query(`ALTER TABLE "aoa_assets" ADD CONSTRAINT "aoa_assets_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
