// Global setup is not resolved through jest's moduleNameMapper: import by path.
import { runMigrationsLocked } from '../../libs/platform/src/database/migration-runner';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { testEnvironment } from './test-env';

export default async function globalSetup(): Promise<void> {
  Object.assign(process.env, testEnvironment());
  const ownerUrl = new URL(process.env.DATABASE_OWNER_URL!);
  const database = ownerUrl.pathname.slice(1);
  if (!database.includes('test')) throw new Error(`refusing to run e2e tests against "${database}": its name must contain "test"`);

  const server = new URL(ownerUrl.toString());
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL is not reachable at ${server.host} (${error.message}): start it, or docker compose -f docker/compose.yml up -d postgres`);
  });
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const owner = new DataSource({ type: 'postgres', url: ownerUrl.toString(), migrations: MIGRATIONS, migrationsTableName: 'migrations' });
  await owner.initialize();
  await runMigrationsLocked(owner, { log: () => undefined } as never);
  await owner.destroy();
}
