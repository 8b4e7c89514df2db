// Database chores behind the Makefile: migrate, revert, deploy-check, audit, stamp-baseline.
// Runs from source (swc-node), as the schema owner (DATABASE_OWNER_URL).
import 'reflect-metadata';
import { runMigrationsLocked } from '@autonomos/platform';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dataSource from '../ormconfig';
import { findDestructiveStatements } from './deploy-check';

const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

async function appliedNames(): Promise<Set<string>> {
  const exists = await dataSource.query(`SELECT to_regclass('migrations') IS NOT NULL AS present`);
  if (!exists[0].present) return new Set();
  const rows: { name: string }[] = await dataSource.query('SELECT name FROM migrations');
  return new Set(rows.map((row) => row.name));
}

function migrationFiles(dir: string): { file: string; className: string; source: string }[] {
  return readdirSync(dir)
    .filter((file) => /^\d+-.*\.ts$/.test(file) && !file.endsWith('.spec.ts'))
    .sort()
    .map((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      const className = /export class (\w+)/.exec(source)?.[1] ?? file;
      return { file, className, source };
    });
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  async migrate() {
    const applied = await runMigrationsLocked(dataSource);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to migrate: the schema is current');
    return 0;
  },

  async revert() {
    await dataSource.undoLastMigration({ transaction: 'each' });
    console.log('reverted the last migration');
    return 0;
  },

  /** Fails when a pending migration holds a destructive statement without an allow marker. */
  async 'deploy-check'(args) {
    const dir = args[0] ?? MIGRATIONS_DIR;
    const applied = await appliedNames();
    const pending = migrationFiles(dir).filter((migration) => !applied.has(migration.className));
    let refused = 0;
    for (const migration of pending) {
      for (const finding of findDestructiveStatements(migration.source)) {
        console.error(`${join(dir, migration.file)}:${finding.line}: ${finding.kind}: ${finding.statement}`);
        refused++;
      }
    }
    if (refused) {
      console.error(`deploy-check: ${refused} destructive statement(s) in pending migrations. Split expand/contract, or add "// deploy-check: allow-destructive <reason>" to the migration.`);
      return 1;
    }
    console.log(`deploy-check: ${pending.length} pending migration(s), none destructive`);
    return 0;
  },

  /** Differences between the entities and the live schema, and migrations not yet applied. */
  async audit() {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const pending = await dataSource.showMigrations();
    for (const query of sql.upQueries) console.log(`drift: ${query.query}`);
    if (pending) console.log('pending migrations: run `make db-migrate`');
    if (!sql.upQueries.length && !pending) console.log('db-audit: the live schema matches the entities; no pending migrations');
    return sql.upQueries.length || pending ? 1 : 0;
  },

  /** On a database that already has the schema, records the baseline as applied (idempotent). */
  async 'stamp-baseline'() {
    const [baseline] = migrationFiles(MIGRATIONS_DIR);
    const timestamp = Number(baseline.file.split('-')[0]);
    const [{ present }] = await dataSource.query(`SELECT to_regclass('tenants') IS NOT NULL AS present`);
    if (!present) {
      console.error('stamp-baseline: the schema is not there (no tenants table); run `make db-migrate` instead');
      return 1;
    }
    await dataSource.query(`CREATE TABLE IF NOT EXISTS migrations (id SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL)`);
    const inserted = await dataSource.query(
      `INSERT INTO migrations ("timestamp", name) SELECT $1::bigint, $2::varchar WHERE NOT EXISTS (SELECT 1 FROM migrations WHERE name = $2::varchar) RETURNING id`,
      [timestamp, baseline.className],
    );
    console.log(inserted.length ? `stamped ${baseline.className} as applied` : `${baseline.className} was already recorded`);
    return 0;
  },
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = commands[name];
  if (!command) {
    console.error(`usage: db.ts ${Object.keys(commands).join('|')}`);
    process.exit(2);
  }
  await dataSource.initialize();
  try {
    process.exitCode = await command(args);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  console.error(`db: ${error.message}`);
  process.exit(1);
});
