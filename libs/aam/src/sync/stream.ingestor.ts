import { AppConfig, RequestContext, TenantDb } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { aamErrors } from '../aam.errors';
import { validateCanonicalEvent } from '../canonical/canonical-event.validator';
import { EncoderInput, EventBatchEncoder } from '../canonical/event-batch.encoder';
import { SourceBatch, SourceConnector } from '../connectors/source-connector';
import { ConnectionEntity } from '../entities/connection.entity';
import { QuarantinedRecordEntity } from '../entities/quarantined-record.entity';
import { applyContract, SchemaContract } from '../schema/schema.contract';
import { inferSchema } from '../schema/schema.inferrer';
import { DclPublisher, DclSpool } from './dcl.publisher';
import { EventCopyWriter } from './event-copy.writer';
import { SchemaRegistry, SchemaTracker } from './schema.tracker';

export interface SyncCounts {
  /** Records the source gave, quarantined ones included. */
  read: number;
  /** Events new to the audit trail (and published). */
  written: number;
  /** Events already in the audit trail from an earlier sync. */
  duplicates: number;
  quarantined: number;
}

export interface StreamSyncResult extends SyncCounts {
  stream: string;
  /** Incremental sync found nothing new (an unchanged file). */
  skipped: boolean;
  schemaVersion: number | null;
  fingerprint: string | null;
  driftIds: string[];
  /** Redis Stream entries (one per batch of new events). */
  published: number;
}

export interface IngestRequest {
  stream: string;
  keyColumns: readonly string[];
  /** Full: from the start; otherwise from the stream's stored cursor. */
  full: boolean;
  onBatch?: (counts: SyncCounts) => Promise<void>;
}

const EVOLVE: SchemaContract = { mode: 'evolve' };

type QuarantineRow = Pick<QuarantinedRecordEntity, 'reason' | 'message' | 'position' | 'line' | 'raw' | 'violations'>;

/**
 * One stream's sync: read batches → schema contract → schema version → canonical events →
 * COPY into the audit trail, in ONE transaction, so a file refused halfway leaves nothing
 * behind. Only after the commit are the new events published to Redis, and the schema cached.
 */
@Injectable()
export class StreamIngestor {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly config: AppConfig,
    private readonly schemas: SchemaRegistry,
    private readonly publisher: DclPublisher,
  ) {}

  async ingest(connection: ConnectionEntity, connector: SourceConnector, request: IngestRequest): Promise<StreamSyncResult> {
    const ref = { tenantId: this.context.tenantId, connectionId: connection.id, stream: request.stream };
    const spool = await DclSpool.create();
    try {
      await this.schemas.forget(ref);
      const { result, tracker } = await this.db.transaction(async (manager) => {
        // One sync per stream at a time: versions, cursors and drift stay in order.
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aam:${connection.id}:${request.stream}`]);
        const tracker = await this.schemas.track(manager, ref);
        const result = await this.run(manager, connection, connector, request, tracker, spool);
        return { result, tracker };
      });
      if (tracker.current) await this.schemas.remember(ref, tracker.current);
      result.published = await this.publisher.publish(ref.tenantId, connection.kind, connection.id, spool);
      return result;
    } finally {
      await spool.dispose();
    }
  }

  private async run(
    manager: EntityManager,
    connection: ConnectionEntity,
    connector: SourceConnector,
    request: IngestRequest,
    tracker: SchemaTracker,
    spool: DclSpool,
  ): Promise<StreamSyncResult> {
    const { stream } = request;
    const contract = connection.contracts[stream] ?? connection.contracts['*'] ?? EVOLVE;
    const copy = await EventCopyWriter.open(manager, { connectionId: connection.id, stream });
    const counts: SyncCounts = { read: 0, written: 0, duplicates: 0, quarantined: 0 };
    let cursor: string | null | undefined;
    let batches = 0;
    // Batch N is written to PostgreSQL while batch N+1 is read, checked and encoded: at most
    // one write in flight, so memory stays at about two batches whatever the file size.
    let inflight: Promise<void> | undefined;
    let failure: { error: unknown } | undefined;
    const settle = async () => {
      if (inflight) await inflight;
      inflight = undefined;
      if (failure) throw failure.error;
    };

    try {
      const source = connector.read({ stream, batchSize: this.config.get('SYNC_BATCH_SIZE'), cursor: request.full ? null : (connection.cursors[stream] ?? null) });
      for await (const batch of source) {
        batches++;
        const read = batch.rows.length + batch.quarantined.length;
        const { accepted, quarantined } = this.checkContract(stream, contract, tracker, batch);
        const batchSchema = inferSchema(valuesOf(accepted), allowedColumns(contract, tracker, batch.columns));
        // A new schema version queues behind the write in flight, on the same connection. A batch
        // whose every row a contract held back teaches the schema nothing: observing only its known
        // columns would record a bogus drift of "removed" columns (a drift scan reads the source).
        const heldBack = accepted.length === 0 && batch.rows.length > 0 && tracker.current;
        const schemaVersion = heldBack ? tracker.current!.fingerprint : await tracker.observe(batchSchema);
        const ingestedAt = new Date();
        const context = { tenantId: connection.tenantId, connectionId: connection.id, sourceKind: connection.kind, stream, schemaVersion, fileChecksum: batch.fileChecksum, keyColumns: request.keyColumns, ingestedAt };
        await pause();
        const encoded = await new EventBatchEncoder(context).encodeInSlices(accepted, pause);
        // The encoder builds the first event with the canonical builder and checks it agrees;
        // validating that one catches a malformed envelope (bad tenant id, reserved column).
        const problems = encoded.first ? validateCanonicalEvent(encoded.first) : [];
        if (problems.length > 0) throw aamErrors.invalidEvent(accepted[0].row, problems);
        const header = { tenantId: connection.tenantId, connectionId: connection.id, sourceKind: connection.kind, stream, schemaVersion, fileChecksum: batch.fileChecksum, ingestedAt };
        const batchCursor = batch.cursor;

        await settle();
        inflight = (async () => {
          const { inserted, fresh } = await copy.writeEncoded(header, encoded);
          counts.read += read;
          counts.written += inserted;
          counts.duplicates += encoded.ids.length - inserted;
          const dcl = encoded.dclPayload(fresh ? (i) => fresh[i] : undefined);
          if (dcl !== undefined) await spool.add(dcl);
          await this.quarantine(manager, connection.id, stream, quarantined);
          counts.quarantined += quarantined.length;
          if (batchCursor !== undefined) cursor = batchCursor;
          await request.onBatch?.(counts);
        })().catch((error: unknown) => {
          failure ??= { error };
        });
      }
      await settle();
    } catch (error) {
      // The first failure wins: a write refused while the next batch was read explains it.
      if (inflight) await inflight;
      throw failure ? failure.error : error;
    }

    if (cursor !== undefined) {
      await manager.query(`UPDATE connections SET cursors = cursors || jsonb_build_object($1::text, $2::text), updated_at = now() WHERE id = $3`, [stream, cursor, connection.id]);
    }
    return {
      stream,
      ...counts,
      skipped: batches === 0,
      schemaVersion: tracker.current?.version ?? null,
      fingerprint: tracker.current?.fingerprint ?? null,
      driftIds: tracker.driftIds,
      published: 0,
    };
  }

  /** Ragged rows and rows a contract discards go to quarantine; a frozen contract refuses the whole stream. */
  private checkContract(stream: string, contract: SchemaContract, tracker: SchemaTracker, batch: SourceBatch) {
    const quarantined: QuarantineRow[] = batch.quarantined.map((row) => ({
      reason: row.reason,
      message: row.message,
      position: row.row,
      line: row.line,
      raw: row.fields,
      violations: [],
    }));
    const current = tracker.current?.schema;
    // What the encoder takes, built once per record: a batch's records outlive many young-generation collections.
    type Accepted = EncoderInput & { values: Record<string, string | null> };
    if (!current || isPlainEvolve(contract)) {
      const accepted: Accepted[] = batch.rows.map((row) => ({ row: row.position, line: row.line ?? row.position, values: row.values as Record<string, string | null> }));
      return { accepted, quarantined };
    }
    const allowed = new Set(allowedColumns(contract, tracker, batch.columns ?? Object.keys(batch.rows[0]?.values ?? {})));
    const accepted: Accepted[] = [];
    for (const row of batch.rows) {
      const outcome = applyContract(contract, current, row.values);
      if (outcome.status === 'rejected') throw aamErrors.contractRejected(stream, row.position, outcome.reason);
      if (outcome.status === 'quarantined') {
        quarantined.push({ reason: 'contract_violation', message: outcome.reason, position: row.position, line: row.line ?? null, raw: row.values as Record<string, string | null>, violations: outcome.violations });
        continue;
      }
      const values = Object.fromEntries(Object.entries(outcome.record).filter(([name]) => allowed.has(name)));
      accepted.push({ row: row.position, line: row.line ?? row.position, values, discarded: outcome.discarded });
    }
    return { accepted, quarantined };
  }

  private async quarantine(manager: EntityManager, connectionId: string, stream: string, rows: QuarantineRow[]): Promise<void> {
    if (rows.length === 0) return;
    const tenantId = this.context.tenantId;
    await manager
      .createQueryBuilder()
      .insert()
      .into(QuarantinedRecordEntity)
      .values(rows.map((row) => ({ ...row, id: randomUUID(), tenantId, connectionId, stream, recordHash: recordHash(connectionId, stream, row) })))
      .orIgnore()
      .execute();
  }
}

/** Lets the event loop turn: the write in flight keeps moving while the next batch is encoded. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function* valuesOf(accepted: readonly { values: Record<string, string | null> }[]): Iterable<Record<string, string | null>> {
  for (const a of accepted) yield a.values;
}

function isPlainEvolve(contract: SchemaContract): boolean {
  return contract.mode === 'evolve' && Object.values(contract.columns ?? {}).every((mode) => mode === 'evolve');
}

/** Columns the schema may gain: known ones, and new ones only where the contract evolves. */
function allowedColumns(contract: SchemaContract, tracker: SchemaTracker, columns: readonly string[] = []): string[] {
  const current = tracker.current?.schema;
  if (!current || isPlainEvolve(contract)) return [...columns];
  const known = new Set(current.columns.map((c) => c.name));
  return columns.filter((name) => known.has(name) || (contract.columns?.[name] ?? contract.mode) === 'evolve');
}

/** The same record quarantined by a re-run of the same sync hashes the same: kept once. */
function recordHash(connectionId: string, stream: string, row: QuarantineRow): string {
  return createHash('sha256').update(JSON.stringify([connectionId, stream, row.reason, row.position, row.raw])).digest('hex');
}
