import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

// Any constant works; every process that migrates must use the same one.
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so N api replicas starting at
 * once migrate exactly once; the others wait and then find nothing pending.
 */
export async function runMigrationsLocked(owner: DataSource, logger = new Logger('Migrations')): Promise<string[]> {
  const runner = owner.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await owner.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.log(`applied ${migration.name}`);
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
