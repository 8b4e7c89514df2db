import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * dcl_entity_rows: the foreign key to connections becomes two statement-level triggers. The key
 * checked every inserted row on its own (a lookup and a row lock per row, about as costly as the
 * insert itself here); the consumers insert thousands of rows of one connection per statement, so
 * the check now runs once per statement and distinct connection, with the same lock (FOR KEY
 * SHARE: the connection cannot be deleted until the writing transaction ends). Deleting a
 * connection still deletes its rows. Like the key's own checks and actions, both run as the table
 * owner (SECURITY DEFINER), outside row-level security. Rows are only ever inserted with their
 * connection: updates never change connection_id (it is part of the primary key the writer
 * upserts on), so only INSERT is checked.
 */
export class DclEntityRowsConnectionCheck1795752000000 implements MigrationInterface {
  name = 'DclEntityRowsConnectionCheck1795752000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dcl_entity_rows" DROP CONSTRAINT "dcl_entity_rows_connection_fk"`);
    await queryRunner.query(`
      CREATE FUNCTION dcl_entity_rows_check_connections() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        referenced uuid;
      BEGIN
        FOR referenced IN SELECT DISTINCT connection_id FROM new_rows LOOP
          PERFORM 1 FROM connections WHERE id = referenced FOR KEY SHARE;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'insert on dcl_entity_rows: connection % does not exist', referenced USING ERRCODE = 'foreign_key_violation';
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER dcl_entity_rows_check_connections AFTER INSERT ON dcl_entity_rows REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dcl_entity_rows_check_connections()`,
    );
    await queryRunner.query(`
      CREATE FUNCTION dcl_entity_rows_delete_with_connection() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        DELETE FROM dcl_entity_rows e USING old_rows o WHERE e.connection_id = o.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER dcl_entity_rows_delete_with_connection AFTER DELETE ON connections REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dcl_entity_rows_delete_with_connection()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER dcl_entity_rows_delete_with_connection ON connections`);
    await queryRunner.query(`DROP FUNCTION dcl_entity_rows_delete_with_connection()`);
    await queryRunner.query(`DROP TRIGGER dcl_entity_rows_check_connections ON dcl_entity_rows`);
    await queryRunner.query(`DROP FUNCTION dcl_entity_rows_check_connections()`);
    await queryRunner.query(
      `ALTER TABLE "dcl_entity_rows" ADD CONSTRAINT "dcl_entity_rows_connection_fk" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
