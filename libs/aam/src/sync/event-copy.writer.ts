import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { CanonicalEvent } from '../canonical/canonical-event';

const COLUMNS = 'event_id, tenant_id, connection_id, source_kind, stream, record_key, operation, payload, schema_version, ingested_at, metadata';
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Writes events to the audit table with COPY, idempotently: COPY into a transaction-local
 * staging table, then INSERT … ON CONFLICT DO NOTHING on the deterministic event id. It runs
 * on the caller's tenant transaction, so row-level security checks every inserted row.
 */
export class EventCopyWriter {
  private constructor(
    private readonly manager: EntityManager,
    private readonly client: PoolClient,
  ) {}

  static async open(manager: EntityManager): Promise<EventCopyWriter> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('EventCopyWriter needs a transaction (TenantDb.transaction)');
    const client = (await manager.queryRunner.connect()) as PoolClient;
    await manager.query(`CREATE TEMP TABLE aam_events_staging (LIKE aam_events) ON COMMIT DROP`);
    return new EventCopyWriter(manager, client);
  }

  /** Writes a batch; returns the events that were not in the audit trail yet, each once. */
  async write(events: readonly CanonicalEvent[]): Promise<CanonicalEvent[]> {
    if (events.length === 0) return [];
    await pipeline(Readable.from([events.map(copyLine).join('')]), this.client.query(copyFrom(`COPY aam_events_staging (${COLUMNS}) FROM STDIN`)));
    const inserted: { event_id: string }[] = await this.manager.query(
      `INSERT INTO aam_events SELECT * FROM aam_events_staging ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    );
    await this.manager.query('TRUNCATE aam_events_staging');
    const fresh = new Set(inserted.map((row) => row.event_id));
    // delete(): an event repeated within the batch is new only the first time.
    return fresh.size === events.length ? [...events] : events.filter((event) => fresh.delete(event.eventId));
  }
}

function copyLine(e: CanonicalEvent): string {
  return (
    [
      e.eventId,
      e.tenantId,
      e.connectionId,
      text(e.sourceKind),
      text(e.stream),
      text(e.recordKey),
      e.operation,
      text(JSON.stringify(e.payload)),
      e.schemaVersion,
      e.ingestedAt,
      text(JSON.stringify(e.metadata)),
    ].join('\t') + '\n'
  );
}

/** COPY text format: backslash, tab and line breaks are escaped. */
function text(value: string): string {
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}
