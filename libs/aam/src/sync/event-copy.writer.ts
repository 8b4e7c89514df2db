import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { CanonicalEvent } from '../canonical/canonical-event';
import { EncodedBatch, encodeEvents, RECORD_COLUMNS } from '../canonical/event-batch.encoder';

/** What every event of a batch shares: stored once per batch, in aam_event_batches. */
export interface EventBatchHeader {
  tenantId: string;
  connectionId: string;
  sourceKind: string;
  stream: string;
  schemaVersion: string;
  fileChecksum?: string;
  ingestedAt: Date;
}

export interface WriteOutcome {
  /** Events new to the audit trail. */
  inserted: number;
  /** Which events (by index) were new; absent when all of them were (the usual case). */
  fresh?: boolean[];
}

/** COPY target: the partition the application may INSERT into (see migration 1795750000000). */
const COPY = `COPY aam_event_records_default (${RECORD_COLUMNS.join(', ')}) FROM STDIN`;
const INSERT_BATCHES = `INSERT INTO aam_event_batches (batch_id, tenant_id, connection_id, source_kind, stream, schema_version, columns, file_checksum, record_count, ingested_at)
  SELECT b.id, $1, $2, $3, $4, $5, ARRAY(SELECT json_array_elements_text(b.columns)), $6, b.count, $7
  FROM unnest($8::uuid[], $9::json[], $10::int[]) AS b(id, columns, count)`;
/** Which of these events the audit trail already has (through the hash index on event_id). */
const EXISTING = `SELECT r.event_id::text AS id FROM unnest($1::uuid[]) AS i(id) JOIN aam_event_records r ON r.event_id = i.id`;

/**
 * Writes events to the audit trail: a row per batch in aam_event_batches and a compact row per
 * event COPYed into aam_event_records, on the caller's tenant transaction (row-level security
 * on the batches, the partition's tenant check on the records).
 *
 * Each event once: before a batch is written, the events the trail already has are looked up
 * by id (a hash index) and left out, as are repeats within the batch. The sync holds the
 * stream's advisory lock, and event ids embed tenant, connection and stream, so no other writer
 * can add the same ids meanwhile.
 */
export class EventCopyWriter {
  private constructor(
    private readonly manager: EntityManager,
    private readonly client: PoolClient,
    /** Ids written by this writer, when the stream had no events before it (see open). */
    private readonly seen?: IdFilter,
  ) {}

  /**
   * `stream`: the writer is the only one writing this connection's stream in this transaction.
   * If the stream has no events yet, an event can only be in the trail if this writer wrote
   * it: a filter of the ids written so far lets a batch with none seen skip the lookup. A
   * batch with an id the filter may have seen (a repeated record, or a false positive) is
   * looked up as always.
   */
  static async open(manager: EntityManager, stream?: { connectionId: string; stream: string }): Promise<EventCopyWriter> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('EventCopyWriter needs a transaction (TenantDb.transaction)');
    const client = (await manager.queryRunner.connect()) as PoolClient;
    let seen: IdFilter | undefined;
    if (stream) {
      const [{ empty }]: { empty: boolean }[] = await manager.query(
        'SELECT NOT EXISTS (SELECT 1 FROM aam_event_batches WHERE connection_id = $1 AND stream = $2) AS empty',
        [stream.connectionId, stream.stream],
      );
      if (empty) seen = new IdFilter();
    }
    return new EventCopyWriter(manager, client, seen);
  }

  /** Writes one encoded batch (see EventBatchEncoder). Returns how many events were new, and which. */
  async writeEncoded(header: EventBatchHeader, batch: Pick<EncodedBatch, 'ids' | 'segments' | 'copyText'>): Promise<WriteOutcome> {
    const { ids, segments } = batch;
    if (ids.length === 0) return { inserted: 0 };
    // Every id is added, whatever the outcome: a later batch repeating one is then looked up.
    const unseen = this.seen !== undefined && this.seen.addAll(ids);
    const fresh = unseen ? undefined : await this.freshOnes(ids);
    const inserted = fresh ? fresh.filter(Boolean).length : ids.length;
    if (inserted === 0) return { inserted, fresh };

    const written = segments
      .map((s) => ({ id: s.batchId, columns: JSON.stringify(s.columns), count: fresh ? fresh.slice(s.start, s.end).filter(Boolean).length : s.end - s.start }))
      .filter((s) => s.count > 0);
    await this.manager.query(INSERT_BATCHES, [
      header.tenantId, header.connectionId, header.sourceKind, header.stream, header.schemaVersion, header.fileChecksum ?? null, header.ingestedAt.toISOString(),
      written.map((s) => s.id), written.map((s) => s.columns), written.map((s) => s.count),
    ]);
    // Written at once into the connection's buffer: the socket drains it whenever the event loop
    // turns, even while the caller is encoding the next batch.
    const copy = this.client.query(copyFrom(COPY));
    const done = finished(copy);
    for (const chunk of batch.copyText(fresh ? (i) => fresh[i] : undefined)) copy.write(chunk);
    copy.end();
    await done;
    return { inserted, fresh };
  }

  /** Writes events built by the canonical builder, sharing the first one's batch fields; returns the new ones, each once. */
  async write(events: readonly CanonicalEvent[]): Promise<CanonicalEvent[]> {
    if (events.length === 0) return [];
    const [e] = events;
    const header = { tenantId: e.tenantId, connectionId: e.connectionId, sourceKind: e.sourceKind, stream: e.stream, schemaVersion: e.schemaVersion, fileChecksum: e.metadata.fileChecksum, ingestedAt: new Date(e.ingestedAt) };
    const stranger = events.find((x) => x.tenantId !== e.tenantId || x.connectionId !== e.connectionId || x.stream !== e.stream || x.schemaVersion !== e.schemaVersion);
    if (stranger) throw new Error(`event ${stranger.eventId} belongs to another batch than ${e.eventId}`);
    const { fresh } = await this.writeEncoded(header, encodeEvents(events));
    return fresh ? events.filter((_, i) => fresh[i]) : [...events];
  }

  /** Per event: not in the trail yet, and not a repeat of an earlier event of the batch. */
  private async freshOnes(ids: readonly string[]): Promise<boolean[]> {
    const rows: { id: string }[] = await this.manager.query(EXISTING, [ids]);
    const known = new Set(rows.map((r) => r.id));
    return ids.map((id) => !known.has(id) && (known.add(id), true));
  }
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
    const h1 = hex32(id, 0);
    const h2 = hex32(id, 28) | 1;
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

/** The 32-bit number of 8 hex digits of `id` from `at`, without allocating (parseInt needs a slice). */
function hex32(id: string, at: number): number {
  let value = 0;
  for (let i = at; i < at + 8; i++) {
    const c = id.charCodeAt(i);
    value = (value << 4) | (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  return value >>> 0;
}
