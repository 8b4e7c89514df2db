import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

const STREAM = /^[A-Za-z0-9_.-]{1,200}$/;
const TRANSFORM_DOC =
  'Declarative value transform, or null: { kind: money_to_decimal, decimalSeparator? } | { kind: date_format, from, to? } | { kind: scale, power10 } | { kind: trim } | { kind: case, to: lower|upper } | { kind: to_integer } | { kind: to_boolean }.';

export class FieldMappingDto {
  @ApiProperty({ description: 'Source column.' })
  source: string;

  @ApiProperty({ description: 'Ontology field of the entity.' })
  target: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: TRANSFORM_DOC })
  transform: object | null;

  @ApiProperty({ minimum: 0, maximum: 1 })
  confidence: number;

  @ApiProperty({ enum: ['heuristic', 'memory', 'llm', 'human'] })
  origin: string;
}

export class MappingDto {
  @ApiProperty({ format: 'uuid' })
  mappingId: string;

  @ApiProperty({ description: 'The active version.' })
  version: number;

  @ApiProperty({ format: 'uuid' })
  connectionId: string;

  @ApiProperty()
  stream: string;

  @ApiProperty({ example: 'CostLineItem' })
  entity: string;

  @ApiProperty({ type: [FieldMappingDto] })
  fields: FieldMappingDto[];

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

class ActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  type: string;

  @ApiProperty()
  id: string;
}

export class MappingVersionDto {
  @ApiProperty()
  version: number;

  @ApiProperty()
  entity: string;

  @ApiProperty({ type: [FieldMappingDto] })
  fields: FieldMappingDto[];

  @ApiProperty({ enum: ['set', 'auto_apply', 'review', 'rollback'] })
  change: string;

  @ApiProperty({ type: ActorDto })
  actor: ActorDto;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The drift, repair, review item or version behind it, with the proposals’ evidence.' })
  evidence: object;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ListMappingsDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  connectionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(STREAM, { message: 'stream must be a stream name' })
  stream?: string;
}

export class FieldInputDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  source: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  target: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true, description: TRANSFORM_DOC })
  @IsOptional()
  @IsObject()
  transform?: object | null;
}

export class SetMappingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  connectionId: string;

  @ApiProperty()
  @Matches(STREAM, { message: 'stream must be a stream name' })
  stream: string;

  @ApiProperty({ example: 'CostLineItem' })
  @IsString()
  entity: string;

  @ApiProperty({ type: [FieldInputDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FieldInputDto)
  fields: FieldInputDto[];

  @ApiPropertyOptional({ default: false, description: 'Queue the mapping for another person to approve instead of applying it.' })
  @IsOptional()
  @IsBoolean()
  review?: boolean;
}

export class SetMappingResultDto {
  @ApiPropertyOptional({ type: MappingDto, description: 'The applied mapping (without review).' })
  mapping?: MappingDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'The review item queued (with review).' })
  reviewItemId?: string;
}

export class RollbackDto {
  @ApiPropertyOptional({ minimum: 1, description: 'The version to restore; the one before the active version when absent.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
