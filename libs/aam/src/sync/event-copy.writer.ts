import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { CanonicalEvent } from '../canonical/canonical-event';
import { copyLine, STAGING_COLUMNS } from '../canonical/event-batch.encoder';

/** What every event of a batch shares: sent once per batch, not once per row. */
export interface EventBatchHeader {
  tenantId: string;
  connectionId: string;
  sourceKind: string;
  stream: string;
  schemaVersion: string;
  /** ISO 8601. */
  ingestedAt: string;
}

export interface WriteOutcome {
  /** Rows new to the audit trail. */
  inserted: number;
  /** Ids of the new rows; absent when every event of the batch was new (the usual case). */
  fresh?: Set<string>;
}

const COLUMNS = `event_id, tenant_id, connection_id, source_kind, stream, record_key, operation, payload, schema_version, ingested_at, metadata`;
const SELECT = `SELECT event_id, $1, $2, $3, $4, record_key, operation, payload::json, $5, $6, metadata::json FROM aam_events_staging`;
/** Events that cannot be in the audit trail yet (see EventCopyWriter.open): a plain insert. */
const INSERT_NEW = `INSERT INTO aam_events (${COLUMNS}) ${SELECT}`;
const INSERT = `WITH inserted AS (
  INSERT INTO aam_events (event_id, tenant_id, connection_id, source_kind, stream, record_key, operation, payload, schema_version, ingested_at, metadata)
  SELECT event_id, $1, $2, $3, $4, record_key, operation, payload::json, $5, $6, metadata::json FROM aam_events_staging
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id
) SELECT count(*)::int AS inserted, CASE WHEN count(*) < $7 THEN array_agg(event_id::text) END AS fresh FROM inserted`;

/**
 * Writes events to the audit table with COPY, idempotently. Row-level security refuses COPY
 * straight into aam_events, so each batch is COPYed into a transaction-local staging table
 * that holds only what differs per row (id, key, operation, payload and metadata as text), then
 * moved by one INSERT … SELECT … ON CONFLICT (event_id) DO NOTHING that adds the batch's
 * shared fields as parameters. It runs on the caller's tenant transaction, so row-level
 * security checks every inserted row.
 */
export class EventCopyWriter {
  private constructor(
    private readonly manager: EntityManager,
    private readonly client: PoolClient,
    /** Ids written by this writer, when the stream had no events before it (see open). */
    private readonly seen?: IdFilter,
  ) {}

  /**
   * `stream`: the writer is the only one writing this connection's stream in this transaction
   * (the sync holds the stream's advisory lock, and event ids embed tenant, connection and
   * stream, so no other stream produces them). If the stream has no events yet, an event can
   * only collide with one this writer wrote before: a filter of the ids written so far lets a
   * batch with none seen go in with a plain INSERT, skipping ON CONFLICT's speculative
   * insertion. A batch with an id the filter may have seen (a duplicate record, or a false
   * positive) goes through ON CONFLICT DO NOTHING as always. If that reasoning ever failed,
   * the primary key would refuse the insert and fail the sync: never a duplicate.
   */
  static async open(manager: EntityManager, stream?: { connectionId: string; stream: string }): Promise<EventCopyWriter> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('EventCopyWriter needs a transaction (TenantDb.transaction)');
    const client = (await manager.queryRunner.connect()) as PoolClient;
    // Temporary: no WAL, local buffers; created in this transaction, so TRUNCATE is cheap.
    await manager.query(
      `CREATE TEMP TABLE IF NOT EXISTS aam_events_staging (event_id uuid NOT NULL, record_key text NOT NULL, operation text NOT NULL, payload text NOT NULL, metadata text NOT NULL) ON COMMIT DROP`,
    );
    await manager.query('TRUNCATE aam_events_staging');
    let seen: IdFilter | undefined;
    if (stream) {
      const [{ empty }]: { empty: boolean }[] = await manager.query(
        'SELECT NOT EXISTS (SELECT 1 FROM aam_events WHERE connection_id = $1 AND stream = $2) AS empty',
        [stream.connectionId, stream.stream],
      );
      if (empty) seen = new IdFilter();
    }
    return new EventCopyWriter(manager, client, seen);
  }

  /**
   * Writes one batch of pre-encoded rows (COPY text lines of STAGING_COLUMNS, see
   * EventBatchEncoder) whose event ids are `ids`, in order. Returns how many were new and which.
   */
  async writeEncoded(header: EventBatchHeader, copyRows: readonly string[], ids: readonly string[]): Promise<WriteOutcome> {
    const count = ids.length;
    if (count === 0) return { inserted: 0, fresh: new Set() };
    // Every id is added, whatever the outcome: a later batch repeating one is then checked.
    const unseen = this.seen !== undefined && this.seen.addAll(ids);
    // Written at once into the connection's buffer: the socket drains it whenever the event loop
    // turns, even while the caller is encoding the next batch.
    const copy = this.client.query(copyFrom(`COPY aam_events_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN`));
    const done = finished(copy);
    for (const chunk of copyRows) copy.write(chunk);
    copy.end();
    await done;
    const params = [header.tenantId, header.connectionId, header.sourceKind, header.stream, header.schemaVersion, header.ingestedAt];
    let row: { inserted: number; fresh: string[] | null };
    if (unseen) {
      await this.manager.query(INSERT_NEW, params);
      row = { inserted: count, fresh: null };
    } else {
      [row] = await this.manager.query(INSERT, [...params, count]);
    }
    await this.manager.query('TRUNCATE aam_events_staging');
    return row.inserted === count ? { inserted: count } : { inserted: row.inserted, fresh: new Set(row.fresh ?? []) };
  }

  /** Writes events; returns the events that were not in the audit trail yet, each once. */
  async write(events: readonly CanonicalEvent[]): Promise<CanonicalEvent[]> {
    const fresh: CanonicalEvent[] = [];
    for (let start = 0; start < events.length; ) {
      // A run of events sharing the batch fields is one staged batch.
      const header = headerOf(events[start]);
      let end = start + 1;
      while (end < events.length && sameHeader(header, events[end])) end++;
      const batch = events.slice(start, end);
      const outcome = await this.writeEncoded(header, batch.map(copyLine), batch.map((e) => e.eventId));
      // delete(): an event repeated within the batch is new only the first time.
      fresh.push(...(outcome.fresh ? batch.filter((e) => outcome.fresh!.delete(e.eventId)) : batch));
      start = end;
    }
    return fresh;
  }
}

function headerOf(e: CanonicalEvent): EventBatchHeader {
  return { tenantId: e.tenantId, connectionId: e.connectionId, sourceKind: e.sourceKind, stream: e.stream, schemaVersion: e.schemaVersion, ingestedAt: e.ingestedAt };
}

function sameHeader(h: EventBatchHeader, e: CanonicalEvent): boolean {
  return (
    h.tenantId === e.tenantId &&
    h.connectionId === e.connectionId &&
    h.sourceKind === e.sourceKind &&
    h.stream === e.stream &&
    h.schemaVersion === e.schemaVersion &&
    h.ingestedAt === e.ingestedAt
  );
}

/**
 * A Bloom filter of event ids (16 MB, 5 probes): no false negatives; about one false positive in
 * 500,000 lookups after 1M ids, one in 350 after 5M (a false positive only costs that batch the
 * ON CONFLICT path). Event ids are UUID v5 (SHA-1): their hex digits are uniform, so two 32-bit
 * slices of the id serve as the hashes.
 */
export class IdFilter {
  private static readonly BITS = 2 ** 27;
  private readonly bits = new Uint8Array(IdFilter.BITS / 8);

  /** Adds the ids; true when none of them may have been added before (nor repeats within). */
  addAll(ids: readonly string[]): boolean {
    let unseen = true;
    for (const id of ids) if (!this.add(id)) unseen = false;
    return unseen;
  }

  /** Adds an id; true when it was certainly not added before. */
  add(id: string): boolean {
    const h1 = parseInt(id.slice(0, 8), 16);
    const h2 = parseInt(id.slice(28, 36), 16) | 1;
    let fresh = false;
    for (let i = 0; i < 5; i++) {
      const bit = (h1 + Math.imul(i, h2)) & (IdFilter.BITS - 1);
      const mask = 1 << (bit & 7);
      const byte = bit >>> 3;
      if ((this.bits[byte] & mask) === 0) {
        fresh = true;
        this.bits[byte] |= mask;
      }
    }
    return fresh;
  }
}
