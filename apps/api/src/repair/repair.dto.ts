import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class SourceColumnDto {
  @ApiProperty({ example: 'zz_amt_7' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ type: [String], example: ['$51,130.46', '$89,609.52'], description: 'Raw cell texts, up to 100.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  samples?: string[];

  @ApiPropertyOptional({ example: 'decimal', description: 'A type already known (database catalogue); inferred from samples otherwise.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  type?: string;
}

export class MatchSourceDto {
  @ApiProperty({ type: [SourceColumnDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SourceColumnDto)
  columns: SourceColumnDto[];
}

export class TargetFieldDto {
  @ApiProperty({ example: 'total_cost' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  synonyms?: string[];

  @ApiPropertyOptional({ example: 'decimal' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  type?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  samples?: string[];
}

export class MatchTargetDto {
  @ApiPropertyOptional({ example: 'CostLineItem', description: 'An ontology entity (see GET /ontology). Give this or `fields`.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entity?: string;

  @ApiPropertyOptional({ type: [TargetFieldDto], description: 'A target schema of your own. Give this or `entity`.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => TargetFieldDto)
  fields?: TargetFieldDto[];
}

export class MatchRequestDto {
  @ApiProperty({ type: MatchSourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MatchSourceDto)
  source: MatchSourceDto;

  @ApiProperty({ type: MatchTargetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MatchTargetDto)
  target: MatchTargetDto;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 5, description: 'Candidates per source column.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  top?: number;

  @ApiPropertyOptional({ default: true, description: 'Let the LLM re-rank the best candidates when it is enabled for your tenant.' })
  @IsOptional()
  @IsBoolean()
  useLlm?: boolean;
}

export class EvidenceDto {
  @ApiProperty({ description: 'Name similarity after tokenising and expanding abbreviations, in [0,1].' })
  name: number;

  @ApiProperty({ description: 'Best similarity to one of the target’s synonyms, in [0,1].' })
  synonym: number;

  @ApiProperty({ description: 'Share of the source name’s words found in the target description.' })
  description: number;

  @ApiProperty()
  sourceType: string;

  @ApiProperty()
  targetType: string;

  @ApiProperty({ type: Number, nullable: true })
  typeCompatibility: number | null;

  @ApiProperty({ type: Number, nullable: true })
  valueOverlap: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Similarity of the remembered approved mapping that vouches for this target.' })
  memory: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The LLM’s score, when it re-ranked this candidate.' })
  llm: number | null;

  @ApiProperty({ description: 'Combined, uncalibrated score.' })
  score: number;

  @ApiPropertyOptional()
  assigned?: boolean;
}

export class CandidateDto {
  @ApiProperty({ example: 'BilledCost' })
  target: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Calibrated probability that this target is right.' })
  confidence: number;

  @ApiProperty({ type: EvidenceDto })
  evidence: EvidenceDto;
}

export class ColumnMatchDto {
  @ApiProperty()
  source: string;

  @ApiProperty({ type: [CandidateDto], description: 'Best first.' })
  candidates: CandidateDto[];
}

export class RecalledMappingDto {
  @ApiProperty({ format: 'uuid' })
  memoryId: string;

  @ApiProperty()
  sourceColumn: string;

  @ApiProperty({ type: String, nullable: true })
  sourceKind: string | null;

  @ApiProperty({ type: String, nullable: true })
  stream: string | null;

  @ApiProperty({ type: String, nullable: true })
  targetEntity: string | null;

  @ApiProperty()
  targetField: string;

  @ApiProperty({ minimum: 0, maximum: 1 })
  similarity: number;
}

export class ColumnRecallDto {
  @ApiProperty()
  column: string;

  @ApiProperty({ type: [RecalledMappingDto] })
  memories: RecalledMappingDto[];
}

export class LlmUseDto {
  @ApiProperty()
  used: boolean;

  @ApiPropertyOptional({ description: 'Why the LLM was not used: no_provider, dev_mode_off, tenant_disabled, not_requested, call_failed_or_skipped.' })
  reason?: string;
}

export class MatchResponseDto {
  @ApiProperty({ type: [ColumnMatchDto] })
  columns: ColumnMatchDto[];

  @ApiProperty({ type: [ColumnRecallDto], description: 'Approved mappings recalled from your tenant’s memory that fed the ranking.' })
  memory: ColumnRecallDto[];

  @ApiProperty({ type: LlmUseDto })
  llm: LlmUseDto;
}

export class MemorySourceDto {
  @ApiPropertyOptional({ example: 'filesource' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  kind?: string;

  @ApiPropertyOptional({ example: 'cost_reports' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  stream?: string;

  @ApiProperty({ example: 'zz_amt_7' })
  @IsString()
  @Length(1, 200)
  column: string;

  @ApiPropertyOptional({ type: [String], example: ['$51,130.46'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  samples?: string[];
}

export class MemoryTargetDto {
  @ApiPropertyOptional({ example: 'CostLineItem', description: 'An ontology entity; the field must be one of its fields.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entity?: string;

  @ApiProperty({ example: 'BilledCost' })
  @IsString()
  @Length(1, 200)
  field: string;
}

export class RememberMappingDto {
  @ApiProperty({ type: MemorySourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MemorySourceDto)
  source: MemorySourceDto;

  @ApiProperty({ type: MemoryTargetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MemoryTargetDto)
  target: MemoryTargetDto;
}

export class RememberedMappingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'False when this mapping was already remembered (its samples were refreshed).' })
  created: boolean;

  @ApiProperty({ description: 'How many times it was approved.' })
  approvals: number;
}
