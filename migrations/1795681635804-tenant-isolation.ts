import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows belong to one tenant; `tenants` itself is keyed by `id`. */
const TENANT_TABLES = ['users', 'refresh_tokens', 'api_keys', 'tasks', 'outbox_events'];
// '' (not NULL) is what a transaction-local setting reads as once its transaction ended.
const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * Row-level security, the second line of tenant isolation. The application connects as
 * `autonomos_app`, which owns nothing and is no superuser, so every policy applies to it.
 * Two SECURITY DEFINER functions serve the lookups made before a tenant is known (sign-in
 * by email, API key by id) and return only what authentication needs.
 */
export class TenantIsolation1795681635804 implements MigrationInterface {
  name = 'TenantIsolation1795681635804';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'autonomos_app') THEN
        CREATE ROLE autonomos_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO autonomos_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO autonomos_app`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO autonomos_app`);
    // Tables created by later migrations get the same grants.
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO autonomos_app`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO autonomos_app`);
    await queryRunner.query(`REVOKE ALL ON TABLE migrations FROM autonomos_app`);
    await queryRunner.query(`GRANT SELECT ON TABLE migrations TO autonomos_app`);

    await queryRunner.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_isolation ON tenants USING (id = ${CURRENT_TENANT}) WITH CHECK (id = ${CURRENT_TENANT})`);
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
      );
    }

    await queryRunner.query(`CREATE FUNCTION auth_login_lookup(p_email text)
      RETURNS TABLE (id uuid, tenant_id uuid, password_hash text, role text, disabled boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT u.id, u.tenant_id, u.password_hash, u.role, u.disabled_at IS NOT NULL FROM users u WHERE u.email = p_email
      $$`);
    await queryRunner.query(`CREATE FUNCTION auth_api_key_lookup(p_id uuid)
      RETURNS TABLE (tenant_id uuid, role text, key_hash text, revoked boolean)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        -- Note use, at most once a minute per key, so lookups stay cheap.
        UPDATE api_keys k SET last_used_at = now()
          WHERE k.id = p_id AND k.revoked_at IS NULL AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute');
        RETURN QUERY SELECT k.tenant_id, k.role, k.key_hash, k.revoked_at IS NOT NULL FROM api_keys k WHERE k.id = p_id;
      END $$`);
    for (const fn of ['auth_login_lookup(text)', 'auth_api_key_lookup(uuid)']) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO autonomos_app`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION auth_api_key_lookup(uuid)`);
    await queryRunner.query(`DROP FUNCTION auth_login_lookup(text)`);
    for (const table of ['tenants', ...TENANT_TABLES]) {
      await queryRunner.query(`DROP POLICY tenant_isolation ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM autonomos_app`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM autonomos_app`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM autonomos_app`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM autonomos_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM autonomos_app`);
  }
}
