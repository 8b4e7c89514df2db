import type { ActiveMapping } from '@autonomos/repair';
import { EntityManager } from 'typeorm';
import { copyField, copyIn } from '../engine/pg-copy';
import { MappingOutcome } from './entity-mapper';

export interface StreamScope {
  tenantId: string;
  connectionId: string;
  stream: string;
}

export interface WriteCounts {
  mapped: number;
  deleted: number;
  pending: number;
}

/**
 * Writes a mapping outcome in the caller's tenant transaction, idempotently: rows are keyed by
 * source record, an older entry never overwrites a newer one, and rewriting the same event
 * changes nothing (so `changed_at`, the incremental refresh's watermark, stays put).
 */
export async function writeOutcome(manager: EntityManager, scope: StreamScope, mapping: ActiveMapping | null, outcome: MappingOutcome): Promise<WriteCounts> {
  const { tenantId, connectionId, stream } = scope;
  const mapped = mapping ? outcome.mapped : [];
  if (mapped.length + outcome.deleted.length > 0) {
    // Set-based: the batch's settled records are COPied into a staging table (row-level security
    // refuses COPY into the tenant table), then each statement below handles them all at once.
    await manager.query('CREATE TEMP TABLE dcl_settled_staging (record_key text, event_id uuid, entry_seq bigint, fields jsonb) ON COMMIT DROP');
    let text = '';
    for (const r of mapped) text += `${copyField(r.recordKey)}\t${r.eventId}\t${r.entrySeq}\t${copyField(JSON.stringify(r.fields))}\n`;
    for (const r of outcome.deleted) text += `${copyField(r.recordKey)}\t${r.eventId}\t${r.entrySeq}\t\\N\n`;
    await copyIn(manager, 'COPY dcl_settled_staging FROM STDIN', text);
  }
  if (mapping && mapped.length > 0) {
    // Key order: concurrent writers lock rows in the same order, so they never deadlock.
    await manager.query(
      `INSERT INTO dcl_entity_rows (tenant_id, connection_id, stream, record_key, entity, event_id, entry_seq, mapping_id, mapping_version, fields)
       SELECT $1, $2, $3, s.record_key, $4, s.event_id, s.entry_seq, $5, $6, s.fields FROM dcl_settled_staging s WHERE s.fields IS NOT NULL ORDER BY s.record_key
       ON CONFLICT (tenant_id, connection_id, stream, record_key) DO UPDATE
         SET entity = excluded.entity, event_id = excluded.event_id, entry_seq = excluded.entry_seq, mapping_id = excluded.mapping_id,
             mapping_version = excluded.mapping_version, fields = excluded.fields, changed_at = now()
         WHERE dcl_entity_rows.entry_seq <= excluded.entry_seq
           AND (dcl_entity_rows.event_id, dcl_entity_rows.mapping_id, dcl_entity_rows.mapping_version, dcl_entity_rows.entity)
               IS DISTINCT FROM (excluded.event_id, excluded.mapping_id, excluded.mapping_version, excluded.entity)`,
      [tenantId, connectionId, stream, mapping.entity, mapping.mappingId, mapping.version],
    );
  }
  if (mapped.length + outcome.deleted.length > 0) {
    // A mapped or deleted record no longer waits, unless a newer version of it does.
    await manager.query(
      `DELETE FROM dcl_pending_records p USING dcl_settled_staging s
        WHERE p.tenant_id = $1 AND p.connection_id = $2 AND p.stream = $3 AND p.record_key = s.record_key AND p.entry_seq <= s.entry_seq`,
      [tenantId, connectionId, stream],
    );
  }
  if (outcome.deleted.length > 0) {
    await manager.query(
      `DELETE FROM dcl_entity_rows e USING dcl_settled_staging s
        WHERE s.fields IS NULL AND e.tenant_id = $1 AND e.connection_id = $2 AND e.stream = $3 AND e.record_key = s.record_key AND e.entry_seq <= s.entry_seq`,
      [tenantId, connectionId, stream],
    );
  }
  if (outcome.pending.length > 0) {
    const rows = [...outcome.pending].sort(byKey);
    await manager.query(
      `INSERT INTO dcl_pending_records (tenant_id, connection_id, stream, record_key, event_id, entry_seq, reason, detail, values)
       SELECT $1, $2, $3, u.record_key, u.event_id::uuid, u.entry_seq::bigint, u.reason, u.detail, u.values::jsonb
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS u(record_key, event_id, entry_seq, reason, detail, values)
       ON CONFLICT (tenant_id, connection_id, stream, record_key) DO UPDATE
         SET event_id = excluded.event_id, entry_seq = excluded.entry_seq, reason = excluded.reason, detail = excluded.detail, values = excluded.values
         WHERE dcl_pending_records.entry_seq <= excluded.entry_seq`,
      [
        tenantId,
        connectionId,
        stream,
        rows.map((r) => r.recordKey),
        rows.map((r) => r.eventId),
        rows.map((r) => r.entrySeq),
        rows.map((r) => r.reason),
        rows.map((r) => r.detail),
        rows.map((r) => JSON.stringify(r.values)),
      ],
    );
  }
  return { mapped: outcome.mapped.length, deleted: outcome.deleted.length, pending: outcome.pending.length };
}

const byKey = (a: { recordKey: string }, b: { recordKey: string }) => (a.recordKey < b.recordKey ? -1 : a.recordKey > b.recordKey ? 1 : 0);
