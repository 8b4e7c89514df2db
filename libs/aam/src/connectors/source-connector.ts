import type { QuarantinedRow } from '../filesource/csv.reader';
import type { SourceRecord, StreamSchema } from '../schema/schema.types';

/** The kinds of connection a tenant can create. */
export type ConnectionKind = 'filesource' | 'postgres' | 'supabase' | 'salesforce' | 'mongodb';
export const CONNECTION_KINDS: readonly ConnectionKind[] = ['filesource', 'postgres', 'supabase', 'salesforce', 'mongodb'];

/** A table, object, collection or file of a source. */
export interface StreamInfo {
  name: string;
  /** Inferred from the source's metadata or a sample; absent when it cannot be had cheaply. */
  schema?: StreamSchema;
  /** Columns that identify a record (primary key, Id, _id). */
  keyColumns: string[];
  /** The column incremental syncs advance on (updated_at, SystemModstamp, _id), when there is one. */
  cursorField?: string;
}

/** One record as read from a source, with where it came from. */
export interface SourceRow {
  /** Position in the stream for this read (1-based): row number, or record ordinal. */
  position: number;
  /** CSV line number, when the source is a file. */
  line?: number;
  /** Values as text: money and decimals stay exact, never JavaScript floats. */
  values: SourceRecord;
}

export interface SourceBatch {
  rows: SourceRow[];
  /** The stream's columns in source order (a CSV header), so columns without values still count. */
  columns?: string[];
  /** SHA-256 of the file the batch came from (file sources). */
  fileChecksum?: string;
  /** Records the source itself refused (ragged CSV rows, undecodable documents), with reasons. */
  quarantined: QuarantinedRow[];
  /** The cursor after this batch; persisted only once the batch is committed. */
  cursor?: string | null;
}

export interface ReadRequest {
  stream: string;
  batchSize: number;
  /** Incremental sync: read only records after this cursor value; null/absent for a full sync. */
  cursor?: string | null;
}

export interface TestResult {
  ok: boolean;
  /** In words a user can act on: "password authentication failed for user x", "host not found". */
  message: string;
}

/**
 * What every source connector does. Implementations stream: `read` never holds a whole source
 * in memory. Errors are thrown as DomainErrors with codes a user can act on.
 */
export interface SourceConnector {
  readonly kind: ConnectionKind;
  test(): Promise<TestResult>;
  listStreams(): Promise<StreamInfo[]>;
  read(request: ReadRequest): AsyncIterable<SourceBatch>;
  close(): Promise<void>;
}

/** What a connector is built from: the connection's validated settings and opened credentials. */
export interface ConnectorContext {
  tenantId: string;
  connectionId: string;
  config: Record<string, unknown>;
  /** Decrypted just before use; never logged, never returned. */
  credentials: Record<string, unknown> | null;
  /** FILESOURCE_ROOT/<tenant id>: the only directory a file source may read. */
  fileRoot: string;
  /** Where this connection's uploads are kept, inside fileRoot. */
  uploadDir: string;
}
