import type { ConnectionKind } from './connectors/source-connector';
import { CanonicalEventMetadata, QualityFlag } from './canonical/canonical-event';
import { payloadHash } from './canonical/canonical-event.builder';
import type { ConnectionEntity } from './entities/connection.entity';
import type { DriftEntity } from './entities/drift.entity';
import type { QuarantinedRecordEntity } from './entities/quarantined-record.entity';
import type { SchemaVersionEntity } from './entities/schema-version.entity';
import { PilotDomain, routeDomain } from './routing/domain.router';
import type { SchemaContract } from './schema/schema.contract';

/** What the API shows of a connection: never its credentials, only whether it has some. */
export interface ConnectionView {
  id: string;
  name: string;
  kind: ConnectionKind;
  config: Record<string, unknown>;
  hasCredentials: boolean;
  /** Where its records go: the override, else by kind. */
  domain: PilotDomain;
  domainOverride: PilotDomain | null;
  contracts: Record<string, SchemaContract>;
  cursors: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export const toConnectionView = (c: ConnectionEntity): ConnectionView => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  config: c.config,
  hasCredentials: c.sealedCredentials !== null,
  domain: routeDomain(c.kind, c.domainOverride),
  domainOverride: c.domainOverride,
  contracts: c.contracts,
  cursors: c.cursors,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export interface SchemaVersionView {
  stream: string;
  version: number;
  fingerprint: string;
  schema: SchemaVersionEntity['schema'];
  createdAt: string;
}

export const toSchemaVersionView = (v: SchemaVersionEntity): SchemaVersionView => ({
  stream: v.stream,
  version: v.version,
  fingerprint: v.fingerprint,
  schema: v.schema,
  createdAt: v.createdAt.toISOString(),
});

export interface DriftView {
  id: string;
  connectionId: string;
  stream: string;
  fromVersion: number;
  toVersion: number;
  fromFingerprint: string;
  toFingerprint: string;
  breaking: boolean;
  changes: DriftEntity['changes'];
  detectedAt: string;
}

export const toDriftView = (d: DriftEntity): DriftView => ({
  id: d.id,
  connectionId: d.connectionId,
  stream: d.stream,
  fromVersion: d.fromVersion,
  toVersion: d.toVersion,
  fromFingerprint: d.fromFingerprint,
  toFingerprint: d.toFingerprint,
  breaking: d.breaking,
  changes: d.changes,
  detectedAt: d.detectedAt.toISOString(),
});

export interface QuarantinedRecordView {
  id: string;
  connectionId: string;
  stream: string;
  reason: QuarantinedRecordEntity['reason'];
  message: string;
  position: number | null;
  line: number | null;
  raw: QuarantinedRecordEntity['raw'];
  violations: object[];
  replayedAt: string | null;
  createdAt: string;
}

export const toQuarantinedRecordView = (q: QuarantinedRecordEntity): QuarantinedRecordView => ({
  id: q.id,
  connectionId: q.connectionId,
  stream: q.stream,
  reason: q.reason,
  message: q.message,
  position: q.position,
  line: q.line,
  raw: q.raw,
  violations: q.violations,
  replayedAt: q.replayedAt?.toISOString() ?? null,
  createdAt: q.createdAt.toISOString(),
});

export interface AuditEventView {
  eventId: string;
  stream: string;
  recordKey: string;
  operation: string;
  payload: Record<string, string | null>;
  schemaVersion: string;
  ingestedAt: string;
  metadata: CanonicalEventMetadata;
}

/** An event as the audit trail stores it: its record joined with its batch. */
export interface AuditEventRow {
  eventId: string;
  recordKey: string;
  operation: string;
  rowNumber: number | null;
  line: number | null;
  fieldValues: Array<string | null>;
  qualityFlags: QualityFlag[] | null;
  stream: string;
  schemaVersion: string;
  columns: string[];
  fileChecksum: string | null;
  ingestedAt: Date;
}

/** The envelope, rebuilt: payload from the batch's columns and the record's values, the content hash recomputed. */
export function toAuditEventView(e: AuditEventRow): AuditEventView {
  const payload: Record<string, string | null> = {};
  e.columns.forEach((column, i) => (payload[column] = e.fieldValues[i] ?? null));
  const metadata: CanonicalEventMetadata = { contentHash: payloadHash(payload), qualityFlags: e.qualityFlags ?? [] };
  if (e.rowNumber !== null) metadata.rowNumber = e.rowNumber;
  if (e.line !== null) metadata.line = e.line;
  if (e.fileChecksum !== null) metadata.fileChecksum = e.fileChecksum;
  return {
    eventId: e.eventId,
    stream: e.stream,
    recordKey: e.recordKey,
    operation: e.operation,
    payload,
    schemaVersion: e.schemaVersion,
    ingestedAt: e.ingestedAt.toISOString(),
    metadata,
  };
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}
