import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * aam_events.payload and metadata as json instead of jsonb: PostgreSQL only validates json on
 * input and keeps the text as written (key order included), where jsonb re-parses it into a
 * binary tree, which was the largest single cost of writing the audit trail. Nothing queries
 * inside these documents; they are read whole.
 */
export class AamEventsStorage1795725000000 implements MigrationInterface {
    name = 'AamEventsStorage1795725000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // deploy-check: allow-destructive jsonb→json keeps every document (json holds any jsonb value as text); it rewrites aam_events under an ACCESS EXCLUSIVE lock, so run it before the table is large or in a quiet window.
        await queryRunner.query(`ALTER TABLE "aam_events" ALTER COLUMN "payload" TYPE json USING "payload"::json, ALTER COLUMN "metadata" TYPE json USING "metadata"::json`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "aam_events" ALTER COLUMN "payload" TYPE jsonb USING "payload"::jsonb, ALTER COLUMN "metadata" TYPE jsonb USING "metadata"::jsonb`);
    }

}
