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

export const tenantEventsChannel = (tenantId: string) => `events:${tenantId}`;
export const tenantEventsStream = (tenantId: string) => `events:stream:${tenantId}`;
const STREAM_MAX_LENGTH = 10_000;

/** Queues the event's stream entry and pub/sub message on a MULTI (or pipeline). */
export function appendTenantEvent(multi: ChainableCommander, tenantId: string, event: TenantEvent): void {
  const message = JSON.stringify(event);
  multi.xadd(tenantEventsStream(tenantId), 'MAXLEN', '~', STREAM_MAX_LENGTH, '*', 'event', message).publish(tenantEventsChannel(tenantId), message);
}

/**
 * Fans an event out to every api instance (pub/sub) and keeps it in a capped per-tenant stream
 * so a client that reconnects with Last-Event-ID can catch up.
 */
export async function publishTenantEvent(redis: Redis, tenantId: string, event: TenantEvent): Promise<void> {
  const multi = redis.multi();
  appendTenantEvent(multi, tenantId, event);
  await multi.exec();
}
