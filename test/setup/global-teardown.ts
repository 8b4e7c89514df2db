import Redis from 'ioredis';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const ownerUrl = new URL(process.env.DATABASE_OWNER_URL!);
  const database = ownerUrl.pathname.slice(1);
  if (process.env.KEEP_TEST_DB) return void console.log(`kept test database ${database}`);
  ownerUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: ownerUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();

  const redis = new Redis(process.env.REDIS_URL!);
  const stream = redis.scanStream({ match: `${process.env.REDIS_PREFIX}*`, count: 1000 });
  for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.unlink(...keys);
  await redis.quit();
}
