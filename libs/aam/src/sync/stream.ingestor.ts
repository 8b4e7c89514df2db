import { AppConfig, RequestContext, TenantDb } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { aamErrors } from '../aam.errors';
import { CanonicalEvent } from '../canonical/canonical-event';
import { buildEventFromCsvRecord } from '../canonical/canonical-event.builder';
import { validateCanonicalEvent } from '../canonical/canonical-event.validator';
import { toDclTablePayload } from '../canonical/dcl-table.mapper';
import { SourceBatch, SourceConnector } from '../connectors/source-connector';
import { ConnectionEntity } from '../entities/connection.entity';
import { QuarantinedRecordEntity } from '../entities/quarantined-record.entity';
import { applyContract, ContractViolation, SchemaContract } from '../schema/schema.contract';
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
    const copy = await EventCopyWriter.open(manager);
    const counts: SyncCounts = { read: 0, written: 0, duplicates: 0, quarantined: 0 };
    let cursor: string | null | undefined;
    let batches = 0;

    const source = connector.read({ stream, batchSize: this.config.get('SYNC_BATCH_SIZE'), cursor: request.full ? null : (connection.cursors[stream] ?? null) });
    for await (const batch of source) {
      batches++;
      counts.read += batch.rows.length + batch.quarantined.length;
      const { accepted, quarantined } = this.checkContract(stream, contract, tracker, batch);
      const schemaVersion = await tracker.observe(inferSchema(accepted.map((a) => a.values), allowedColumns(contract, tracker, batch.columns)));
      const ingestedAt = new Date();
      const context = { tenantId: connection.tenantId, connectionId: connection.id, sourceKind: connection.kind, stream, schemaVersion, fileChecksum: batch.fileChecksum, keyColumns: request.keyColumns, ingestedAt };
      const events = accepted.map((a) => buildEventFromCsvRecord(context, { line: a.line ?? a.position, row: a.position, values: a.values }, a.discarded));
      // Built by one deterministic builder: checking the first event of a batch catches a
      // malformed envelope (bad tenant id, reserved column) without hashing every record twice.
      const problems = events.length > 0 ? validateCanonicalEvent(events[0]) : [];
      if (problems.length > 0) throw aamErrors.invalidEvent(accepted[0].position, problems);

      const fresh: CanonicalEvent[] = await copy.write(events);
      counts.written += fresh.length;
      counts.duplicates += events.length - fresh.length;
      if (fresh.length > 0) await spool.add(toDclTablePayload(fresh));
      await this.quarantine(manager, connection.id, stream, quarantined);
      counts.quarantined += quarantined.length;
      if (batch.cursor !== undefined) cursor = batch.cursor;
      await request.onBatch?.(counts);
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
    type Accepted = { position: number; line?: number; values: Record<string, string | null>; discarded: ContractViolation[] };
    if (!current || isPlainEvolve(contract)) {
      const accepted: Accepted[] = batch.rows.map((row) => ({ position: row.position, line: row.line, values: row.values as Record<string, string | null>, discarded: [] }));
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
      accepted.push({ position: row.position, line: row.line, values, discarded: outcome.discarded });
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
