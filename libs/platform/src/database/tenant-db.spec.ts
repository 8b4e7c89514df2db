// Integration spec: needs the local PostgreSQL (TEST_PG_URL, default postgres://postgres@127.0.0.1:5432).
// It creates a throw-away database whose name contains "test" and drops it afterwards.
import { randomUUID } from 'node:crypto';
import { ClsServiceManager } from 'nestjs-cls';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RequestContext, systemActor } from '../context/request-context';
import { TenantDb } from './tenant-db';

const SERVER = new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432');
const DATABASE = `autonomos_tenant_db_test_${Date.now()}_${process.pid}`;

async function admin(sql: string): Promise<void> {
  const url = new URL(SERVER.toString());
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe('TenantDb (real PostgreSQL)', () => {
  const context = new RequestContext(ClsServiceManager.getClsService());
  const tenant = randomUUID();
  let dataSource: DataSource;
  let db: TenantDb;
  const asTenant = <T>(tenantId: string, fn: () => Promise<T>) => context.run(tenantId, systemActor('spec'), fn);
  const tenantSetting = async (query: (sql: string) => Promise<{ tenant: string }[]>) => (await query(`SELECT current_setting('app.tenant_id', true) AS tenant`))[0].tenant;

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${DATABASE}"`);
    const url = new URL(SERVER.toString());
    url.pathname = `/${DATABASE}`;
    // One pooled connection, so every transaction reuses the previous one's connection.
    dataSource = new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 1 } });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)');
    db = new TenantDb(dataSource, context);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await admin(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  });

  it('sets the tenant for the transaction only: the pooled connection does not keep it', async () => {
    expect(await asTenant(tenant, () => db.transaction((manager) => tenantSetting((sql) => manager.query(sql))))).toBe(tenant);
    expect(await tenantSetting((sql) => dataSource.query(sql))).toBe('');
  });

  it('commits what the work wrote, and rolls all of it back when the work throws', async () => {
    await asTenant(tenant, () => db.transaction((manager) => manager.query(`INSERT INTO notes (body) VALUES ('kept')`)));
    const failing = asTenant(tenant, () =>
      db.transaction(async (manager) => {
        await manager.query(`INSERT INTO notes (body) VALUES ('lost')`);
        throw new Error('work failed');
      }),
    );
    await expect(failing).rejects.toThrow('work failed');
    expect(await dataSource.query('SELECT body FROM notes ORDER BY id')).toEqual([{ body: 'kept' }]);
    expect(await tenantSetting((sql) => dataSource.query(sql))).toBe('');
  });

  it('leaves the connection usable after a statement error inside the work', async () => {
    const failing = asTenant(tenant, () => db.transaction((manager) => manager.query('SELECT no_such_column FROM notes')));
    await expect(failing).rejects.toThrow(/no_such_column/);
    expect(await asTenant(tenant, () => db.transaction((manager) => tenantSetting((sql) => manager.query(sql))))).toBe(tenant);
  });

  it('runs a nested transaction as a savepoint of the tenant transaction', async () => {
    const result = await asTenant(tenant, () =>
      db.transaction(async (manager) => {
        await manager
          .transaction(async (inner) => {
            await inner.query(`INSERT INTO notes (body) VALUES ('inner')`);
            throw new Error('inner failed');
          })
          .catch(() => undefined);
        return tenantSetting((sql) => manager.query(sql));
      }),
    );
    expect(result).toBe(tenant);
    expect(await dataSource.query(`SELECT body FROM notes WHERE body = 'inner'`)).toEqual([]);
  });

  it('refuses to run without a tenant, or with a tenant id that is not a UUID', async () => {
    await expect(db.transaction(async () => 'never')).rejects.toThrow(/No tenant in context/);
    await expect(asTenant(`x'); DROP TABLE notes; --`, () => db.transaction(async () => 'never'))).rejects.toThrow(/not a UUID/);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM notes')).toEqual([{ n: 1 }]);
  });
});
