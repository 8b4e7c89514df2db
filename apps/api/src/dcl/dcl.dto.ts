import { FILTER_OPS, VIEW_NAMES } from '@autonomos/dcl';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const OBJECT = { type: 'object', additionalProperties: true } as const;
const FILTER = new RegExp(`^[A-Za-z_][A-Za-z0-9_]*:(${FILTER_OPS.join('|')}):.*$`, 's');

export class ViewColumnDto {
  @ApiProperty({ example: 'billed_cost' })
  name: string;

  @ApiProperty({ example: 'DECIMAL(38,10)', description: 'DuckDB type. Decimals are served as exact strings.' })
  type: string;
}

export class ViewDto {
  @ApiProperty({ enum: VIEW_NAMES })
  name: string;

  @ApiProperty({ enum: ['finops', 'revops'] })
  domain: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [String], description: 'Canonical tables the view reads.' })
  reads: string[];

  @ApiProperty({ type: [ViewColumnDto] })
  columns: ViewColumnDto[];

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  refreshedAt: string | null;

  @ApiProperty({ nullable: true, type: Number })
  rowCount: number | null;

  @ApiProperty({ nullable: true, type: Number })
  durationMs: number | null;
}

export class ViewRowsQueryDto {
  @ApiPropertyOptional({
    type: [String],
    description: `Repeatable \`column:op:value\`, op one of ${FILTER_OPS.join(', ')}; numeric columns compare as numbers.`,
    example: ['service_name:eq:AmazonEC2'],
  })
  @IsOptional()
  @Transform(({ value }) => (Array.isArray(value) ? value : [value]))
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  @Matches(FILTER, { each: true, message: `filter must be column:op:value with op one of ${FILTER_OPS.join(', ')}` })
  filter?: string[];

  @ApiPropertyOptional({ description: 'Column to sort by (nulls last); the view’s own order when absent.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sort?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv streams every matching row (no paging).' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ViewRowsPageDto {
  @ApiProperty()
  view: string;

  @ApiProperty({ type: [String], description: 'The view’s columns, in its own order.' })
  columns: string[];

  @ApiProperty({ type: 'array', items: OBJECT })
  items: Record<string, unknown>[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor: string | null;
}

export class RefreshViewDto {
  @ApiPropertyOptional({ default: false, description: 'Recompute even when the source rows did not change since the last refresh.' })
  @IsOptional()
  @IsBoolean()
  full?: boolean;
}

export class LegacyLoadDto {
  @ApiProperty({ format: 'uuid', description: 'The connection to read directly through its connector.' })
  @IsUUID()
  connectionId: string;

  @ApiPropertyOptional({ description: 'One stream of the connection; all of them when absent.', example: 'Opportunity' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  stream?: string;
}

export class EntityRowsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  connectionId?: string;
}

export class EntityRowDto {
  @ApiProperty({ format: 'uuid' })
  connectionId: string;

  @ApiProperty()
  stream: string;

  @ApiProperty()
  recordKey: string;

  @ApiProperty()
  mappingId: string;

  @ApiProperty()
  mappingVersion: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', nullable: true }, description: 'Ontology field → exact text value.' })
  fields: Record<string, string | null>;

  @ApiProperty({ format: 'date-time' })
  changedAt: string;
}

export class EntityRowsPageDto {
  @ApiProperty()
  entity: string;

  @ApiProperty({ type: [EntityRowDto] })
  items: EntityRowDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class PendingGroupDto {
  @ApiProperty({ format: 'uuid' })
  connectionId: string;

  @ApiProperty()
  stream: string;

  @ApiProperty({ enum: ['no_mapping', 'mapping_mismatch', 'invalid_value'] })
  reason: string;

  @ApiProperty()
  records: number;

  @ApiProperty()
  example: string;
}

export class DeadLettersQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DeadLetterDto {
  @ApiProperty({ description: 'Dead-letter stream (ends in :dead).' })
  stream: string;

  @ApiProperty()
  id: string;

  @ApiProperty({ description: 'Entry id on the source stream.' })
  sourceId: string;

  @ApiProperty()
  connectionId: string;

  @ApiProperty({ nullable: true, type: String })
  table: string | null;

  @ApiProperty()
  deliveries: number;

  @ApiProperty()
  error: string;

  @ApiProperty({ format: 'date-time' })
  deadAt: string;
}

export class GraphNodeDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: ['connection', 'stream', 'source_field', 'entity', 'entity_field', 'view', 'pilot'] })
  type: string;

  @ApiProperty()
  label: string;

  @ApiProperty(OBJECT)
  data: Record<string, unknown>;
}

export class GraphEdgeDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  source: string;

  @ApiProperty()
  target: string;

  @ApiProperty({ enum: ['has_stream', 'has_field', 'mapping', 'field_of', 'feeds'] })
  type: string;

  @ApiProperty({ ...OBJECT, description: 'mapping edges: mappingId, version, confidence, origin, transform.' })
  data: Record<string, unknown>;
}

export class GraphDto {
  @ApiProperty({ type: [GraphNodeDto] })
  nodes: GraphNodeDto[];

  @ApiProperty({ type: [GraphEdgeDto] })
  edges: GraphEdgeDto[];
}

export class LineageQueryDto {
  @ApiProperty({ example: 'CostLineItem' })
  @IsString()
  @MaxLength(100)
  entity: string;

  @ApiProperty({ example: 'BilledCost' })
  @IsString()
  @MaxLength(100)
  field: string;
}

export class MappingVersionUseDto {
  @ApiProperty()
  mappingId: string;

  @ApiProperty()
  version: number;

  @ApiProperty()
  rows: number;
}

export class LineageSourceDto {
  @ApiProperty({ format: 'uuid' })
  connectionId: string;

  @ApiProperty()
  connectionName: string;

  @ApiProperty()
  sourceKind: string;

  @ApiProperty()
  domain: string;

  @ApiProperty()
  stream: string;

  @ApiProperty()
  sourceColumn: string;

  @ApiProperty()
  mappingId: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ ...OBJECT, nullable: true })
  transform: object | null;

  @ApiProperty()
  confidence: number;

  @ApiProperty()
  origin: string;

  @ApiProperty({ type: [MappingVersionUseDto] })
  rowsByVersion: MappingVersionUseDto[];
}

export class LineageViewDto {
  @ApiProperty()
  name: string;

  @ApiProperty()
  domain: string;
}

export class LineageDto {
  @ApiProperty()
  entity: string;

  @ApiProperty()
  field: string;

  @ApiProperty({ type: [LineageSourceDto] })
  sources: LineageSourceDto[];

  @ApiProperty({ type: [LineageViewDto] })
  views: LineageViewDto[];
}
