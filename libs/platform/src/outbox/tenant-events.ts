import Redis, { ChainableCommander } from 'ioredis';

/** What live clients (SSE, WebSocket) receive. */
export interface TenantEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  correlationId: string | null;
  occurredAt: string;
}

/** The pub/sub message: the event and the id of its entry in the tenant's stream (what Last-Event-ID resumes from). */
export interface TenantEventMessage {
  streamId: string;
  event: TenantEvent;
}

export const tenantEventsChannel = (tenantId: string) => `events:${tenantId}`;
export const tenantEventsStream = (tenantId: string) => `events:stream:${tenantId}`;
export const TENANT_EVENTS_STREAM_MAX_LENGTH = 10_000;

// XADD then PUBLISH in one atomic script: the message carries the entry id, and pub/sub order is stream order.
const APPEND_SCRIPT = `local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'event', ARGV[2])
redis.call('PUBLISH', ARGV[3], '{"streamId":"' .. id .. '","event":' .. ARGV[2] .. '}')
return id`;

/** Queues the event's stream entry and pub/sub message on a MULTI (or pipeline). */
export function appendTenantEvent(multi: ChainableCommander, tenantId: string, event: TenantEvent): void {
  multi.eval(APPEND_SCRIPT, 1, tenantEventsStream(tenantId), TENANT_EVENTS_STREAM_MAX_LENGTH, JSON.stringify(event), tenantEventsChannel(tenantId));
}

/**
 * Fans an event out to every api instance (pub/sub) and keeps it in a capped per-tenant stream
 * so a client that reconnects with Last-Event-ID can catch up.
 */
export async function publishTenantEvent(redis: Redis, tenantId: string, event: TenantEvent): Promise<void> {
  const multi = redis.multi();
  appendTenantEvent(multi, tenantId, event);
  const results = await multi.exec();
  const failure = results?.find(([error]) => error)?.[0];
  if (failure) throw failure;
}
