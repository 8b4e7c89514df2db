/** Whether the record exists at the source after this event. */
export type CanonicalOperation = 'upsert' | 'delete';

export type QualityFlagCode =
  /** A value was nulled or dropped by a discard_value schema contract. */
  | 'value_discarded'
  /** A key column was empty, so the record is keyed by its row number instead. */
  | 'missing_key_value';

export interface QualityFlag {
  code: QualityFlagCode;
  column?: string;
  detail: string;
}

export interface CanonicalEventMetadata {
  /** Source position: 1-based data row (files). */
  rowNumber?: number;
  /** Source position: 1-based physical line (files). */
  line?: number;
  /** Source position for streams and APIs (LSN, cursor, modstamp). */
  offset?: string;
  /** SHA-256 of the source file the record came from. */
  fileChecksum?: string;
  /** SHA-256 of the payload (sorted keys); part of the event id. */
  contentHash: string;
  qualityFlags: QualityFlag[];
}

/**
 * The one envelope every ingested record travels in, whatever its source. Payload values stay
 * text (or null): money and decimals are never turned into JS floats, so "0.1" stays "0.1".
 */
export interface CanonicalEvent {
  /** UUID v5 of tenant, connection, stream, record key, operation and content hash. */
  eventId: string;
  tenantId: string;
  connectionId: string;
  /** Connector kind, lower case: 'filesource', 'salesforce', 'postgres', ... */
  sourceKind: string;
  stream: string;
  recordKey: string;
  operation: CanonicalOperation;
  payload: Record<string, string | null>;
  /** Fingerprint of the schema version the payload was read under. */
  schemaVersion: string;
  /** ISO 8601 time of ingestion; not part of the id, so a re-run yields the same ids. */
  ingestedAt: string;
  metadata: CanonicalEventMetadata;
}
