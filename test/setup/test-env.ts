import { randomBytes } from 'node:crypto';

/** Where the e2e run's PostgreSQL and Redis live; override with TEST_PG_URL / TEST_REDIS_URL. */
export const PG_SERVER = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh database and Redis prefix per run, so runs never see each other's data. */
export function testEnvironment(): Record<string, string> {
  const runId = `${Date.now()}_${process.pid}`;
  const database = `autonomos_test_${runId}`;
  const owner = new URL(PG_SERVER);
  owner.pathname = `/${database}`;
  const app = new URL(owner.toString());
  app.username = 'autonomos_app';
  app.password = '';
  return {
    NODE_ENV: 'test',
    DATABASE_OWNER_URL: owner.toString(),
    DATABASE_URL: app.toString(),
    DATABASE_POOL_SIZE: '10',
    REDIS_URL,
    REDIS_PREFIX: `aos-test-${runId}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_MAX_ATTEMPTS: '5',
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '100000',
    TASK_BACKOFF_MS: '100',
    STALLED_INTERVAL_MS: '1500',
    LOCK_DURATION_MS: '3000',
    OUTBOX_POLL_MS: '50',
    SAGA_RETRY_AFTER_MS: '1500',
    SAGA_RECOVERY_MS: '250',
    NOTIFY_BACKOFF_MS: '100',
    NOTIFY_ATTEMPTS: '3',
  };
}
