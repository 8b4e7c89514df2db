import type { ConnectionKind } from './connectors/source-connector';
import type { AuditEventEntity } from './entities/audit-event.entity';
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
  metadata: AuditEventEntity['metadata'];
}

export const toAuditEventView = (e: AuditEventEntity): AuditEventView => ({
  eventId: e.eventId,
  stream: e.stream,
  recordKey: e.recordKey,
  operation: e.operation,
  payload: e.payload,
  schemaVersion: e.schemaVersion,
  ingestedAt: e.ingestedAt.toISOString(),
  metadata: e.metadata,
});

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}
