import { CONNECTION_KINDS, type ConnectionKind, STREAM_NAME } from '@autonomos/aam';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const DOMAINS = ['finops', 'revops', 'unknown'] as const;
type Domain = (typeof DOMAINS)[number];
const MODES = ['full', 'incremental'] as const;
const REASONS = ['too_many_fields', 'too_few_fields', 'contract_violation'] as const;
const OBJECT = { type: 'object', additionalProperties: true } as const;

const CONFIG_DOC =
  'Per kind. filesource: { path?, delimiter?, encoding?, keyColumns? } (path relative to the tenant file root). ' +
  'postgres/supabase: { host, port?, database, schemas?, sslmode?, caCert?, cursorColumns?, connectTimeoutMs? }. ' +
  'salesforce: { loginUrl?, apiVersion?, objects?, requestTimeoutMs?, maxRetries? }. ' +
  'mongodb: { database, collections?, sampleSize?, cursorFields?, serverSelectionTimeoutMs? }. Unknown fields are refused.';
const CREDENTIALS_DOC =
  'Write-only, encrypted at rest, never returned. postgres/supabase: { user, password? }. ' +
  'salesforce: { accessToken, instanceUrl } and/or an OAuth flow: { refreshToken, clientId, clientSecret? } | { username, password, clientId, clientSecret } | { clientId, clientSecret }. ' +
  'mongodb: { uri }. filesource: none.';
const CONTRACTS_DOC = 'Schema contract per stream (or "*"): { mode: evolve|freeze|discard_row|discard_value, columns?: { <column>: mode } }.';

export class CreateConnectionDto {
  @ApiProperty({ example: 'Monthly cost reports' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: [...CONNECTION_KINDS] })
  @IsIn(CONNECTION_KINDS)
  kind: ConnectionKind;

  @ApiProperty({ ...OBJECT, description: CONFIG_DOC, example: { keyColumns: ['report_id'] } })
  @IsObject()
  config: Record<string, unknown>;

  @ApiPropertyOptional({ ...OBJECT, description: CREDENTIALS_DOC })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: DOMAINS, description: 'Overrides routing by kind (filesource → finops, salesforce → revops).' })
  @IsOptional()
  @IsIn(DOMAINS)
  domain?: Domain;

  @ApiPropertyOptional({ ...OBJECT, description: CONTRACTS_DOC })
  @IsOptional()
  @IsObject()
  contracts?: Record<string, unknown>;
}

export class UpdateConnectionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ ...OBJECT, description: `Replaces the whole config. ${CONFIG_DOC}` })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ ...OBJECT, nullable: true, description: `Replaces the credentials; null removes them. ${CREDENTIALS_DOC}` })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, unknown> | null;

  @ApiPropertyOptional({ enum: DOMAINS, nullable: true, description: 'null goes back to routing by kind.' })
  @IsOptional()
  @IsIn(DOMAINS)
  domain?: Domain | null;

  @ApiPropertyOptional({ ...OBJECT, description: CONTRACTS_DOC })
  @IsOptional()
  @IsObject()
  contracts?: Record<string, unknown>;
}

export class ConnectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: [...CONNECTION_KINDS] })
  kind: ConnectionKind;

  @ApiProperty(OBJECT)
  config: Record<string, unknown>;

  @ApiProperty({ description: 'Credentials are never returned, only whether there are some.' })
  hasCredentials: boolean;

  @ApiProperty({ enum: DOMAINS, description: 'Where its records go: the override, else by kind.' })
  domain: Domain;

  @ApiProperty({ enum: DOMAINS, nullable: true })
  domainOverride: Domain | null;

  @ApiProperty(OBJECT)
  contracts: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Incremental sync position per stream.' })
  cursors: Record<string, string>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class TestResultDto {
  @ApiProperty()
  ok: boolean;

  @ApiProperty({ description: 'What is wrong, in words a user can act on.' })
  message: string;
}

export class StreamDto {
  @ApiProperty()
  name: string;

  @ApiPropertyOptional({ ...OBJECT, description: 'Inferred from a sample: columns with logical type, nullability, format and profile.' })
  schema?: object;

  @ApiProperty({ type: [String] })
  keyColumns: string[];

  @ApiPropertyOptional()
  cursorField?: string;
}

export class SyncRequestDto {
  @ApiPropertyOptional({ enum: MODES, default: 'incremental', description: 'incremental continues from the stored cursor; full reads everything again.' })
  @IsOptional()
  @IsIn(MODES)
  mode?: (typeof MODES)[number];

  @ApiPropertyOptional({ description: 'One stream; all streams when absent.' })
  @IsOptional()
  @IsString()
  @Matches(STREAM_NAME, { message: 'stream must be a stream name (letters, digits, _ . -)' })
  stream?: string;
}

export class UploadQueryDto {
  @ApiPropertyOptional({ description: 'Stream name; defaults to the file name without extension.' })
  @IsOptional()
  @IsString()
  @Matches(STREAM_NAME, { message: 'stream must be a stream name (letters, digits, _ . -)' })
  stream?: string;
}

export class StreamSyncResultDto {
  @ApiProperty()
  stream: string;

  @ApiProperty({ description: 'Records read, quarantined ones included.' })
  read: number;

  @ApiProperty({ description: 'Events new to the audit trail, and published.' })
  written: number;

  @ApiProperty({ description: 'Events already in the audit trail.' })
  duplicates: number;

  @ApiProperty()
  quarantined: number;

  @ApiProperty({ description: 'Incremental sync found nothing new.' })
  skipped: boolean;

  @ApiProperty({ nullable: true, type: Number })
  schemaVersion: number | null;

  @ApiProperty({ nullable: true, type: String })
  fingerprint: string | null;

  @ApiProperty({ type: [String] })
  driftIds: string[];

  @ApiProperty({ description: 'Redis Stream entries written (one per batch of new events).' })
  published: number;
}

export class SchemaVersionDto {
  @ApiProperty()
  stream: string;

  @ApiProperty()
  version: number;

  @ApiProperty()
  fingerprint: string;

  @ApiProperty(OBJECT)
  schema: object;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class StreamSchemaDto {
  @ApiProperty()
  stream: string;

  @ApiProperty({ type: SchemaVersionDto })
  current: SchemaVersionDto;

  @ApiProperty({ type: [SchemaVersionDto], description: 'Every version, oldest first.' })
  history: SchemaVersionDto[];
}

export class DriftDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  connectionId: string;

  @ApiProperty()
  stream: string;

  @ApiProperty()
  fromVersion: number;

  @ApiProperty()
  toVersion: number;

  @ApiProperty()
  fromFingerprint: string;

  @ApiProperty()
  toFingerprint: string;

  @ApiProperty()
  breaking: boolean;

  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description: 'column_added, column_removed, column_renamed (likely renames with confidence), type_changed, nullability_changed, format_changed; each with a severity.',
  })
  changes: object[];

  @ApiProperty({ format: 'date-time' })
  detectedAt: string;
}

export class DriftPageDto {
  @ApiProperty({ type: [DriftDto] })
  items: DriftDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class QuarantinedRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  connectionId: string;

  @ApiProperty()
  stream: string;

  @ApiProperty({ enum: REASONS })
  reason: (typeof REASONS)[number];

  @ApiProperty()
  message: string;

  @ApiProperty({ nullable: true, type: Number })
  position: number | null;

  @ApiProperty({ nullable: true, type: Number })
  line: number | null;

  @ApiProperty({ oneOf: [{ type: 'array', items: { type: 'string' } }, OBJECT], description: 'The record as read, kept for replay.' })
  raw: string[] | Record<string, string | null>;

  @ApiProperty({ type: 'array', items: OBJECT })
  violations: object[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  replayedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class QuarantinePageDto {
  @ApiProperty({ type: [QuarantinedRecordDto] })
  items: QuarantinedRecordDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  stream: string;

  @ApiProperty()
  recordKey: string;

  @ApiProperty({ enum: ['upsert', 'delete'] })
  operation: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', nullable: true }, description: 'Values as text: decimals stay exact.' })
  payload: Record<string, string | null>;

  @ApiProperty()
  schemaVersion: string;

  @ApiProperty({ format: 'date-time' })
  ingestedAt: string;

  @ApiProperty(OBJECT)
  metadata: object;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items: AuditEventDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class ListDriftsDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  connectionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(STREAM_NAME, { message: 'stream must be a stream name' })
  stream?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  breaking?: boolean;
}

export class ListQuarantineDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  connectionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(STREAM_NAME, { message: 'stream must be a stream name' })
  stream?: string;

  @ApiPropertyOptional({ enum: REASONS })
  @IsOptional()
  @IsIn(REASONS)
  reason?: (typeof REASONS)[number];
}

export class ListEventsDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(STREAM_NAME, { message: 'stream must be a stream name' })
  stream?: string;
}

export class SchemaQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(STREAM_NAME, { message: 'stream must be a stream name' })
  stream?: string;
}
