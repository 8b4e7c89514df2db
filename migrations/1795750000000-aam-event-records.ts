import { MigrationInterface, QueryRunner } from "typeorm";

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * The audit trail in two compact tables instead of one wide one (aam_events): a row per written
 * batch with what its events share (tenant, connection, source kind, stream, schema version,
 * column list, file checksum, ingested at), and a row per event with only what differs (batch,
 * position, event id, row number, line, record key, operation, values as a JSON array in the
 * batch's column order, quality flags). A record is about a third of the old row.
 *
 * COPY straight into the records: PostgreSQL refuses COPY FROM into a table with row-level
 * security, so aam_event_records is partitioned by tenant (one DEFAULT partition for now) and
 * keeps row-level security on the parent, which is the only way the application reads it. The
 * application may only INSERT into the partition (no SELECT, UPDATE or DELETE: it can never
 * read through it), and a CHECK constraint refuses any row whose tenant is not the
 * transaction's, as the policy's WITH CHECK would.
 *
 * Existing events move over with their ids; `aam_events` becomes a security_invoker view that
 * rebuilds the old rows (without metadata.contentHash, which the events API computes) for
 * ad-hoc SQL.
 */
export class AamEventRecords1795750000000 implements MigrationInterface {
    name = 'AamEventRecords1795750000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "aam_event_batches" ("batch_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "source_kind" text NOT NULL, "stream" text NOT NULL, "schema_version" text NOT NULL, "columns" text array NOT NULL, "file_checksum" text, "record_count" integer NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "aam_event_batches_pkey" PRIMARY KEY ("batch_id"))`);
        await queryRunner.query(`CREATE INDEX "aam_event_batches_stream_idx" ON "aam_event_batches" ("tenant_id", "connection_id", "stream") `);
        await queryRunner.query(`CREATE TABLE "aam_event_records" ("tenant_id" uuid NOT NULL, "batch_id" uuid NOT NULL, "position" integer NOT NULL, "event_id" uuid NOT NULL, "row_number" integer, "line" integer, "record_key" text NOT NULL, "operation" text NOT NULL, "field_values" json NOT NULL, "quality_flags" json, CONSTRAINT "aam_event_records_pkey" PRIMARY KEY ("tenant_id", "batch_id", "position")) PARTITION BY LIST ("tenant_id")`);
        await queryRunner.query(`CREATE TABLE "aam_event_records_default" PARTITION OF "aam_event_records" DEFAULT`);
        // A hash index: looking an event id up is all it is for (is this event new?), and a
        // random UUID costs a hash index less to maintain than a b-tree. Uniqueness is kept by
        // the writer, under the stream's advisory lock (see EventCopyWriter).
        await queryRunner.query(`CREATE INDEX "aam_event_records_event_idx" ON "aam_event_records" USING hash ("event_id")`);

        for (const table of ['aam_event_batches', 'aam_event_records']) {
            await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
            await queryRunner.query(`CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
        }
        await queryRunner.query(`REVOKE ALL ON aam_event_records_default FROM autonomos_app`);
        await queryRunner.query(`GRANT INSERT ON aam_event_records_default TO autonomos_app`);
        // The policy's WITH CHECK, for COPY into the partition, for the roles row-level security
        // applies to (so not the owner: migrations, restores). A CHECK evaluated per row costs
        // PostgreSQL about 0.3 µs a row, where a statement trigger over the COPYed rows cost 2-3.
        await queryRunner.query(`ALTER TABLE aam_event_records_default ADD CONSTRAINT aam_event_records_tenant_check CHECK (NOT row_security_active('aam_event_records'::regclass) OR COALESCE(tenant_id = ${CURRENT_TENANT}, false))`);

        // The existing trail: one batch per (connection, stream, schema version, time, file, key list).
        await queryRunner.query(`
            CREATE TEMP TABLE aam_events_moving ON COMMIT DROP AS
            SELECT e.*, keys.columns, md5(concat_ws('|', e.tenant_id, e.connection_id, e.source_kind, e.stream, e.schema_version, e.ingested_at, e.metadata->>'fileChecksum', keys.columns::text))::uuid AS batch_id
            FROM aam_events e, LATERAL (SELECT ARRAY(SELECT json_object_keys(e.payload)) AS columns) keys`);
        await queryRunner.query(`
            INSERT INTO aam_event_batches (batch_id, tenant_id, connection_id, source_kind, stream, schema_version, columns, file_checksum, record_count, ingested_at)
            SELECT batch_id, tenant_id, connection_id, source_kind, stream, schema_version, columns, metadata->>'fileChecksum', count(*), ingested_at
            FROM aam_events_moving GROUP BY batch_id, tenant_id, connection_id, source_kind, stream, schema_version, columns, metadata->>'fileChecksum', ingested_at`);
        await queryRunner.query(`
            INSERT INTO aam_event_records (tenant_id, batch_id, position, event_id, row_number, line, record_key, operation, field_values, quality_flags)
            SELECT tenant_id, batch_id, row_number() OVER (PARTITION BY batch_id ORDER BY (metadata->>'rowNumber')::int, event_id) - 1, event_id,
                   (metadata->>'rowNumber')::int, (metadata->>'line')::int, record_key, operation,
                   COALESCE((SELECT json_agg(value) FROM json_each(payload)), '[]'),
                   CASE WHEN json_array_length(metadata->'qualityFlags') > 0 THEN metadata->'qualityFlags' END
            FROM aam_events_moving`);
        // deploy-check: allow-destructive every row of aam_events was moved just above, in this transaction (ids kept); a view of the same name rebuilds it for SQL readers.
        await queryRunner.query(`DROP TABLE "aam_events"`);
        await queryRunner.query(`
            CREATE VIEW aam_events WITH (security_invoker = true) AS
            SELECT r.event_id, r.tenant_id, b.connection_id, b.source_kind, b.stream, r.record_key, r.operation,
                   COALESCE((SELECT json_object_agg(c.name, v.value ORDER BY c.i) FROM unnest(b.columns) WITH ORDINALITY c(name, i) JOIN json_array_elements(r.field_values) WITH ORDINALITY v(value, i) USING (i)), '{}') AS payload,
                   b.schema_version, b.ingested_at,
                   json_strip_nulls(json_build_object('rowNumber', r.row_number, 'line', r.line, 'fileChecksum', b.file_checksum, 'qualityFlags', COALESCE(r.quality_flags, '[]'))) AS metadata
            FROM aam_event_records r JOIN aam_event_batches b ON b.batch_id = r.batch_id AND b.tenant_id = r.tenant_id`);
        await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE ON aam_events FROM autonomos_app`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "aam_events_restored" ("event_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "source_kind" text NOT NULL, "stream" text NOT NULL, "record_key" text NOT NULL, "operation" text NOT NULL, "payload" json NOT NULL, "schema_version" text NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "metadata" json NOT NULL, CONSTRAINT "PK_b1982ea9172c65138cba6ad3a1a" PRIMARY KEY ("event_id"))`);
        await queryRunner.query(`INSERT INTO aam_events_restored SELECT event_id, tenant_id, connection_id, source_kind, stream, record_key, operation, payload, schema_version, ingested_at, metadata FROM aam_events`);
        await queryRunner.query(`DROP VIEW aam_events`);
        await queryRunner.query(`ALTER TABLE aam_events_restored RENAME TO aam_events`);
        await queryRunner.query(`CREATE INDEX "aam_events_stream_idx" ON "aam_events" ("tenant_id", "connection_id", "stream") `);
        await queryRunner.query(`ALTER TABLE aam_events ENABLE ROW LEVEL SECURITY`);
        await queryRunner.query(`CREATE POLICY tenant_isolation ON aam_events USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
        await queryRunner.query(`DROP TABLE "aam_event_records"`);
        await queryRunner.query(`DROP TABLE "aam_event_batches"`);
    }

}
