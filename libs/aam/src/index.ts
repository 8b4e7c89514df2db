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

// Entities (for the TypeORM CLI's DataSource)
export { EventBatchEntity } from './entities/event-batch.entity';
export { EventRecordEntity } from './entities/event-record.entity';
export { ConnectionEntity } from './entities/connection.entity';
export { DriftEntity } from './entities/drift.entity';
export { QuarantinedRecordEntity } from './entities/quarantined-record.entity';
export type { QuarantineReason } from './entities/quarantined-record.entity';
export { SchemaVersionEntity } from './entities/schema-version.entity';

// Module, use cases, views, events
export { AamModule } from './aam.module';
export { AamErrorCode } from './aam.errors';
export type { AuditEventView, ConnectionView, DriftView, Page, QuarantinedRecordView, SchemaVersionView } from './aam.views';
export { CONNECTOR_DEFINITIONS, createConnector, validateConnectionSettings } from './connectors/connector.factory';
export type { ConnectorDefinition } from './connectors/connector.factory';
export type { ConnectorContext } from './connectors/source-connector';
export { STREAM_NAME } from './connectors/connection-config';
export { SchemaDriftDetected } from './events/schema-drift-detected.event';
export type { StreamSyncResult, SyncCounts } from './sync/stream.ingestor';
export type { SyncMode } from './sync/connection.sync';
export { CreateConnectionCommand } from './commands/create-connection/create-connection.command';
export { UpdateConnectionCommand } from './commands/update-connection/update-connection.command';
export type { ConnectionChanges } from './commands/update-connection/update-connection.command';
export { DeleteConnectionCommand } from './commands/delete-connection/delete-connection.command';
export { TestConnectionCommand } from './commands/test-connection/test-connection.command';
export { StartSyncCommand } from './commands/start-sync/start-sync.command';
export { UploadFileCommand } from './commands/upload-file/upload-file.command';
export * from './commands/replay-quarantine/replay-quarantine.command';
export * from './commands/scan-drift/scan-drift.command';
export { ListConnectionsQuery } from './queries/list-connections/list-connections.query';
export { GetConnectionQuery } from './queries/get-connection/get-connection.query';
export { ListStreamsQuery } from './queries/list-streams/list-streams.query';
export { GetSchemaQuery } from './queries/get-schema/get-schema.query';
export type { StreamSchemaHistory } from './queries/get-schema/get-schema.query';
export { ListDriftsQuery } from './queries/list-drifts/list-drifts.query';
export { GetDriftQuery } from './queries/get-drift/get-drift.query';
export { ListQuarantineQuery } from './queries/list-quarantine/list-quarantine.query';
export { ListEventsQuery } from './queries/list-events/list-events.query';
export { ReadConnectionQuery } from './queries/read-connection/read-connection.query';
export type { ConnectionReadBatch } from './queries/read-connection/read-connection.query';
