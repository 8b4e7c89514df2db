import Redis, { RedisOptions } from 'ioredis';

export const REDIS = Symbol('REDIS');

/** ioredis options shared by our clients and BullMQ (which needs maxRetriesPerRequest: null). */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export function createRedis(url: string): Redis {
  return new Redis(redisOptions(url));
}
