// Shared by the benchmarks: a fresh database, the environment for api/worker processes,
// starting them, and printing figures side by side.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runMigrationsLocked } from '../../libs/platform/src/database/migration-runner';
import { MIGRATIONS } from '../../migrations';

const ROOT = join(__dirname, '..', '..');
const PG_SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

export interface BenchDatabase {
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

/** A fresh, migrated database and a Redis prefix of its own; `drop()` removes the database. */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const database = `autonomos_bench_${name}_${Date.now()}`;
  const admin = new Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const ownerUrl = `${PG_SERVER}/${database}`;
  const owner = new DataSource({ type: 'postgres', url: ownerUrl, migrations: MIGRATIONS, migrationsTableName: 'migrations' });
  await owner.initialize();
  await runMigrationsLocked(owner, { log: () => undefined } as never);
  await owner.destroy();
  const app = new URL(ownerUrl);
  app.username = 'autonomos_app';
  return {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_OWNER_URL: ownerUrl,
      DATABASE_URL: app.toString(),
      REDIS_PREFIX: `aos-bench-${Date.now()}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      DISABLE_AUTO_MIGRATIONS: 'true',
    },
    async drop() {
      const client = new Client({ connectionString: `${PG_SERVER}/postgres` });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Starts a built app (`npm run build` first) or a bench script, and returns the process. */
export function startProcess(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const args = entry.endsWith('.ts') ? ['-r', '@swc-node/register', join(ROOT, entry)] : [join(ROOT, entry)];
  return spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await fetch(url).catch(() => undefined))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function printComparison(title: string, unit: string, ours: number[], baseline: number[], aim: number): void {
  const ratio = median(ours) / median(baseline);
  console.log(`\n${title}`);
  console.log(`  ours:     ${ours.map((v) => v.toFixed(0)).join(', ')} ${unit} (median ${median(ours).toFixed(0)})`);
  console.log(`  baseline: ${baseline.map((v) => v.toFixed(0)).join(', ')} ${unit} (median ${median(baseline).toFixed(0)})`);
  console.log(`  ratio:    ${ratio.toFixed(2)} (aim ≥ ${aim})`);
}
