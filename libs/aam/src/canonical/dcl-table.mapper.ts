import { CanonicalEvent } from './canonical-event';
import { CanonicalErrorCode, CanonicalEventError } from './canonical.errors';

/** Table-shaped message the AAM publishes to the DCL over a Redis Stream. */
export interface DclTablePayload {
  /** The events' stream. */
  table: string;
  columns: string[];
  /** One row per event, aligned with `columns`; a payload without a column gives null. */
  rows: Array<Array<string | null>>;
}

/** Envelope fields the DCL needs per row: idempotency, upsert key, operation, mapping version. */
export const DCL_META_COLUMNS = ['_aam_event_id', '_aam_record_key', '_aam_operation', '_aam_schema_version'] as const;

/** Redis Stream a tenant's records from one source are published to. */
export function dclStreamKey(tenantId: string, source: string): string {
  return `aam:dcl:${tenantId}:${source}`;
}

/**
 * Turns a batch of events of one tenant, connection and stream into a table payload. Payload
 * columns keep their first-seen order, so a batch under one schema keeps the source's order.
 */
export function toDclTablePayload(events: readonly CanonicalEvent[]): DclTablePayload {
  if (events.length === 0) throw new CanonicalEventError(CanonicalErrorCode.EmptyBatch, 'a table payload needs at least one event');
  const [first] = events;
  const stranger = events.find((e) => e.tenantId !== first.tenantId || e.connectionId !== first.connectionId || e.stream !== first.stream);
  if (stranger) {
    throw new CanonicalEventError(
      CanonicalErrorCode.MixedBatch,
      `event ${stranger.eventId} belongs to another tenant, connection or stream than ${first.eventId}; publish one batch per stream`,
    );
  }

  const columns = [...new Set(events.flatMap((e) => Object.keys(e.payload)))];
  const reserved = columns.find((c) => c.startsWith('_aam_'));
  if (reserved) throw new CanonicalEventError(CanonicalErrorCode.ReservedColumn, `payload column "${reserved}" uses the reserved _aam_ prefix`);

  return {
    table: first.stream,
    columns: [...DCL_META_COLUMNS, ...columns],
    rows: events.map((e) => [e.eventId, e.recordKey, e.operation, e.schemaVersion, ...columns.map((c) => e.payload[c] ?? null)]),
  };
}
