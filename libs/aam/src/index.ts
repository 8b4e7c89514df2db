// FileSource: streaming CSV reading and safe server-side paths
export { CsvFileReader } from './filesource/csv.reader';
export type { CsvBatch, CsvQuarantineReason, CsvReadOptions, CsvReadSummary, CsvRecord, QuarantinedRow } from './filesource/csv.reader';
export { CSV_DELIMITERS, detectDelimiter } from './filesource/delimiter.detector';
export type { CsvDelimiter } from './filesource/delimiter.detector';
export type { CsvEncoding, EncodingSource } from './filesource/encoding.detector';
export { FileSourceError, FileSourceErrorCode } from './filesource/file-source.errors';
export { resolvePathUnderRoot } from './filesource/root-path.resolver';

// Schema: inference, fingerprints, diffs, contracts
export { classifyTypeChange, joinTypes } from './schema/logical-type.lattice';
export type { LogicalType, Severity, TypeChangeKind } from './schema/logical-type.lattice';
export { classifyValue, isNullValue, normalizeValue } from './schema/value.classifier';
export { inferSchema, mergeSchemas, PROFILE_SAMPLES } from './schema/schema.inferrer';
export type { ColumnFormat, ColumnProfile, ColumnSchema, SourceRecord, StreamSchema } from './schema/schema.types';
export { schemaFingerprint } from './schema/schema.fingerprint';
export { diffSchemas } from './schema/schema.diff';
export type { SchemaChange, SchemaDiff } from './schema/schema.diff';
export { detectRenames, RENAME_THRESHOLD } from './schema/rename.detector';
export type { LikelyRename } from './schema/rename.detector';
export { applyContract } from './schema/schema.contract';
export type { ContractMode, ContractOutcome, ContractViolation, SchemaContract } from './schema/schema.contract';

// Canonical events and the DCL stream payload
export type { CanonicalEvent, CanonicalEventMetadata, CanonicalOperation, QualityFlag, QualityFlagCode } from './canonical/canonical-event';
export { buildCanonicalEvent, buildEventFromCsvRecord, canonicalEventId, payloadHash } from './canonical/canonical-event.builder';
export type { CanonicalEventInput, CsvEventContext, CsvRecordInput } from './canonical/canonical-event.builder';
export { validateCanonicalEvent } from './canonical/canonical-event.validator';
export { CanonicalErrorCode, CanonicalEventError } from './canonical/canonical.errors';
export { DCL_META_COLUMNS, dclStreamKey, toDclTablePayload } from './canonical/dcl-table.mapper';
export type { DclTablePayload } from './canonical/dcl-table.mapper';

// Domain routing
export { FINOPS_SOURCES, REVOPS_SOURCES, routeDomain } from './routing/domain.router';
export type { PilotDomain } from './routing/domain.router';

// Connectors
export { CONNECTION_KINDS } from './connectors/source-connector';
export type { ConnectionKind, ReadRequest, SourceBatch, SourceConnector, SourceRow, StreamInfo, TestResult } from './connectors/source-connector';
