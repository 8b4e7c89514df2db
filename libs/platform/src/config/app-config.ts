import { Injectable } from '@nestjs/common';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One line that names the variable; the process stops on it. */
export class ConfigError extends Error {}

type Parser<T> = (raw: string, name: string) => T;

interface VariableSpec<T> {
  parse: Parser<T>;
  default?: string;
  sensitive?: boolean;
  description: string;
}

const str: Parser<string> = (raw) => raw;
const int: Parser<number> = (raw, name) => {
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
};
const bool: Parser<boolean> = (raw, name) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off|)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
};
const url =
  (...protocols: string[]): Parser<string> =>
  (raw, name) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(`${name} must be a URL (${protocols.join(' or ')}), got something else`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
    }
    return raw;
  };
const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw, name) => {
    if (!values.includes(raw as T)) throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
    return raw as T;
  };
const secret =
  (minLength: number): Parser<string> =>
  (raw, name) => {
    if (raw.length < minLength) throw new ConfigError(`${name} must be at least ${minLength} characters`);
    return raw;
  };
const base64Key: Parser<Buffer> = (raw, name) => {
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be 32 bytes, base64-encoded (openssl rand -base64 32)`);
  return key;
};
/** `k0=base64,k1=base64`: retired AES-256 keys by id. */
const keyList: Parser<Map<string, Buffer>> = (raw, name) =>
  new Map(
    list(raw, name).map((pair) => {
      const [id, key] = pair.split('=', 2);
      if (!id || !key) throw new ConfigError(`${name} must be comma-separated id=base64key pairs`);
      return [id, base64Key(pair.slice(id.length + 1), name)];
    }),
  );
const durationSeconds: Parser<number> = (raw, name) => {
  const match = /^(\d+)(s|m|h|d)?$/.exec(raw);
  if (!match) throw new ConfigError(`${name} must be a duration such as 900, 15m, 12h or 30d, got "${raw}"`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
};
const list: Parser<string[]> = (raw) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Every environment variable the platform reads. The README's configuration table is
 * written from this list (`npm run --silent config:table`).
 */
export const CONFIG_SPEC = {
  NODE_ENV: { parse: oneOf('development', 'production', 'test'), default: 'development', description: 'Runtime mode.' },
  PORT: { parse: int, default: '3000', description: 'HTTP port of the api.' },
  LOG_LEVEL: { parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'), default: 'info', description: 'Log level (pino).' },
  DATABASE_URL: {
    parse: url('postgres:', 'postgresql:'),
    default: 'postgres://autonomos_app@127.0.0.1:5432/autonomos',
    sensitive: true,
    description: 'Connection of the application role: must not own the tables and must not be a superuser, so row-level security applies.',
  },
  DATABASE_OWNER_URL: {
    parse: url('postgres:', 'postgresql:'),
    default: 'postgres://postgres@127.0.0.1:5432/autonomos',
    sensitive: true,
    description: 'Connection of the schema owner: runs migrations and the cross-tenant system loops (outbox relay, task reconciler).',
  },
  DATABASE_POOL_SIZE: { parse: int, default: '20', description: 'Connections per process in the application pool.' },
  REDIS_URL: { parse: url('redis:', 'rediss:'), default: 'redis://127.0.0.1:6379', sensitive: true, description: 'Redis for BullMQ, streams, pub/sub, rate limits.' },
  REDIS_PREFIX: { parse: str, default: 'aos', description: 'Prefix of every Redis key, so several deployments (or test runs) share one Redis.' },
  JWT_SECRET: { parse: secret(32), default: undefined, sensitive: true, description: 'HS256 signing key of access tokens (at least 32 characters). Required.' },
  JWT_ISSUER: { parse: str, default: 'autonomos', description: 'iss claim, checked on every token.' },
  JWT_AUDIENCE: { parse: str, default: 'autonomos-api', description: 'aud claim, checked on every token.' },
  ACCESS_TOKEN_TTL: { parse: durationSeconds, default: '15m', description: 'Lifetime of access tokens.' },
  REFRESH_TOKEN_TTL: { parse: durationSeconds, default: '30d', description: 'Lifetime of refresh tokens.' },
  ENCRYPTION_KEY: { parse: base64Key, default: undefined, sensitive: true, description: 'AES-256-GCM key for secrets at rest, 32 bytes base64. Required.' },
  ENCRYPTION_KEY_ID: { parse: str, default: 'k1', description: 'Id stored with every ciphertext, so keys can rotate.' },
  DEV_MODE: { parse: bool, default: 'false', description: 'Enables the LLM (when a provider is configured) and developer conveniences.' },
  DISABLE_AUTO_MIGRATIONS: { parse: bool, default: 'false', description: 'When true the api does not run pending migrations at boot.' },
  CORS_ORIGINS: { parse: list, default: '', description: 'Comma-separated origins allowed by CORS; empty allows none.' },
  BODY_LIMIT_BYTES: { parse: int, default: '1048576', description: 'Largest JSON body accepted.' },
  LOGIN_MAX_ATTEMPTS: { parse: int, default: '10', description: 'Sign-in attempts per account per window.' },
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: { parse: int, default: '50', description: 'Sign-in attempts per client address per window.' },
  LOGIN_WINDOW_SECONDS: { parse: int, default: '900', description: 'Window of the login rate limit.' },
  TASK_ATTEMPTS: { parse: int, default: '3', description: 'Attempts of a task before it fails for good.' },
  TASK_BACKOFF_MS: { parse: int, default: '1000', description: 'First retry delay; doubles each attempt.' },
  WORKER_CONCURRENCY: { parse: int, default: '8', description: 'Tasks one worker process runs at once.' },
  STALLED_INTERVAL_MS: { parse: int, default: '30000', description: 'How often workers look for tasks whose worker died (all workers must share it).' },
  LOCK_DURATION_MS: { parse: int, default: '30000', description: 'How long a running task stays locked to its worker without a heartbeat.' },
  OUTBOX_POLL_MS: { parse: int, default: '200', description: 'How often the outbox relay looks for unpublished events.' },
  EVENTS_HEARTBEAT_MS: { parse: int, default: '15000', description: 'Interval of heartbeats on live event connections (SSE comment, WebSocket ping), so proxies keep them open and clients notice a dead one.' },
  EVENTS_MAX_BUFFER_BYTES: {
    parse: int,
    default: '1048576',
    description: 'Bytes a live event client (SSE or WebSocket) may leave unread before it is dropped; it reconnects with Last-Event-ID and catches up.',
  },
  ENCRYPTION_PREVIOUS_KEYS: {
    parse: keyList,
    default: '',
    sensitive: true,
    description: 'Retired keys still needed to read older secrets while they are re-encrypted: comma-separated id=base64key pairs.',
  },
  FILESOURCE_ROOT: {
    parse: str,
    default: join(tmpdir(), 'autonomos-filesource'),
    description: 'Directory of FileSource files: each tenant sees only <root>/<tenant id>/ (server-side files and its uploads).',
  },
  UPLOAD_MAX_BYTES: { parse: int, default: '104857600', description: 'Largest CSV upload accepted (bytes); larger ones get a 413.' },
  SYNC_BATCH_SIZE: { parse: int, default: '5000', description: 'Records per batch when a sync reads, writes and publishes.' },
  AAM_STREAM_MAXLEN: { parse: int, default: '100000', description: 'Approximate cap (entries) of each aam:dcl:{tenant}:{source} Redis Stream.' },
  LLM_PROVIDER: { parse: oneOf('none', 'openai', 'gemini'), default: 'none', description: 'Chat model used to re-rank mapping candidates: openai (any OpenAI-compatible endpoint) or gemini. Used only when DEV_MODE is on.' },
  LLM_BASE_URL: { parse: str, default: '', description: 'Base URL of the OpenAI-compatible API (e.g. https://api.openai.com/v1); empty means the provider default.' },
  LLM_API_KEY: { parse: str, default: '', sensitive: true, description: 'API key of the LLM provider.' },
  LLM_MODEL: { parse: str, default: '', description: 'Chat model name; empty means gpt-4o-mini (openai) or gemini-2.0-flash (gemini).' },
  LLM_TIMEOUT_MS: { parse: int, default: '10000', description: 'Longest wait for one LLM answer, retries included; past it the request carries on with heuristics and memory.' },
  LLM_MAX_RETRIES: { parse: int, default: '1', description: 'Retries of a failed LLM request (after 1–2 s), within LLM_TIMEOUT_MS.' },
  LLM_TENANT_DAILY_TOKENS: { parse: int, default: '200000', description: 'Prompt + completion tokens one tenant may spend per UTC day; beyond it the LLM is skipped.' },
  EMBEDDINGS_BASE_URL: { parse: str, default: '', description: 'OpenAI-compatible /v1 base URL for mapping-memory embeddings; empty uses the local, offline embedding.' },
  EMBEDDINGS_API_KEY: { parse: str, default: '', sensitive: true, description: 'API key of the embeddings endpoint.' },
  EMBEDDINGS_MODEL: { parse: str, default: 'text-embedding-3-small', description: 'Embedding model name at EMBEDDINGS_BASE_URL.' },
  SAGA_RETRY_AFTER_MS: { parse: int, default: '30000', description: 'A saga step whose event was relayed this long ago without finishing (worker died, step failed) is run again.' },
  SAGA_RECOVERY_MS: { parse: int, default: '10000', description: 'How often the worker looks for saga steps to run again.' },
  SAGA_MAX_ATTEMPTS: { parse: int, default: '5', description: 'Runs of one saga step before it is marked failed for good.' },
  NOTIFY_ATTEMPTS: { parse: int, default: '5', description: 'Attempts to deliver one Slack notification.' },
  NOTIFY_BACKOFF_MS: { parse: int, default: '2000', description: 'First retry delay of a notification; doubles each attempt.' },
  NOTIFY_TIMEOUT_MS: { parse: int, default: '5000', description: 'Longest wait for a Slack webhook to answer.' },
  CONSOLE_URL: { parse: url('http:', 'https:'), default: 'http://127.0.0.1:3000/console', description: 'Base URL of the admin console (served by the api at /console), for links in notifications: <url>/hitl/items/<id>.' },
  DCL_READ_COUNT: { parse: int, default: '10', description: 'Stream entries (each a batch of records) one DCL consumer reads per XREADGROUP.' },
  DCL_BLOCK_MS: { parse: int, default: '1000', description: 'How long a DCL consumer waits on XREADGROUP for new entries.' },
  DCL_DISCOVERY_MS: { parse: int, default: '5000', description: 'How often DCL consumers SCAN for new aam:dcl:* streams.' },
  DCL_CLAIM_IDLE_MS: { parse: int, default: '30000', description: 'An entry pending this long (its consumer died or failed) is claimed by another DCL consumer (XAUTOCLAIM).' },
  DCL_MAX_DELIVERIES: { parse: int, default: '5', description: 'Deliveries of a failing stream entry before it moves to the <stream>:dead dead-letter stream.' },
  DCL_REFRESH_LOCK_MS: { parse: int, default: '600000', description: 'Longest a view refresh holds its tenant+view lock (Redis) before another worker may take over.' },
  AOD_BASE_URL: { parse: url('http:', 'https:'), default: 'http://localhost:8000', description: 'Base URL of the AOS Discover (AOD) service the AOA asks for assets (POST <url>/discover).' },
  AOD_TIMEOUT_MS: { parse: int, default: '10000', description: 'Longest wait for one AOD discovery, retries included; past it the request is answered 504.' },
  AOD_RETRIES: { parse: int, default: '2', description: 'Retries of an AOD request that failed transiently (5xx, connection refused or reset), within AOD_TIMEOUT_MS; 4xx and off-contract answers are never retried.' },
  AOD_DASHBOARD_URL: { parse: url('http:', 'https:'), default: 'http://localhost:8000', description: 'Base URL of the AOD dashboard, for links to discovered assets in recommendations and review items (<url>/assets/<id>).' },
} satisfies Record<string, VariableSpec<unknown>>;

type Spec = typeof CONFIG_SPEC;
export type AppConfigValues = { [K in keyof Spec]: ReturnType<Spec[K]['parse']> };

/** Reads and validates every variable once; throws a ConfigError naming the first bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfigValues {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_SPEC) as [string, VariableSpec<unknown>][]) {
    const raw = env[name] ?? spec.default;
    if (raw === undefined) throw new ConfigError(`${name} is required: ${spec.description}`);
    values[name] = spec.parse(raw, name);
  }
  return values as AppConfigValues;
}

/** The typed, validated configuration, injected wherever a setting is needed. */
@Injectable()
export class AppConfig {
  constructor(readonly values: AppConfigValues) {}

  get<K extends keyof AppConfigValues>(name: K): AppConfigValues[K] {
    return this.values[name];
  }

  /** Safe to log: sensitive values are masked. */
  redacted(): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(this.values).map(([name, value]) => [
        name,
        (CONFIG_SPEC as Record<string, VariableSpec<unknown>>)[name].sensitive ? '[redacted]' : value,
      ]),
    );
  }
}
