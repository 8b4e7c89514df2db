import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

const STATUSES = ['pending', 'approved', 'rejected', 'flagged'] as const;
const KINDS = ['mapping', 'asset'] as const;
const RISKS = ['low', 'medium', 'high'] as const;
const DECISIONS = ['approve', 'reject', 'flag'] as const;

class ActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  type: string;

  @ApiProperty()
  id: string;
}

export class ReviewItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: KINDS })
  kind: string;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiProperty({ enum: RISKS })
  risk: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  connectionId: string | null;

  @ApiProperty({ nullable: true, type: String })
  stream: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'mapping: { entity, driftId, changes (what approving applies), proposals (with evidence and transform previews), samples (column → sample values), sampleRows ([{ before, after }]) }.',
  })
  payload: object;

  @ApiProperty({ type: ActorDto })
  requestedBy: ActorDto;

  @ApiProperty({ enum: DECISIONS, nullable: true, type: String })
  decision: string | null;

  @ApiProperty({ nullable: true, type: String })
  decidedBy: string | null;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  edited: object | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ReviewItemPageDto {
  @ApiProperty({ type: [ReviewItemDto] })
  items: ReviewItemDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class ListReviewItemsDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: (typeof KINDS)[number];

  @ApiPropertyOptional({ enum: RISKS })
  @IsOptional()
  @IsIn(RISKS)
  risk?: (typeof RISKS)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  connectionId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS, description: 'approve applies, reject discards, flag escalates to an admin.' })
  @IsIn(DECISIONS)
  decision: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'approve only. mapping: { changes: [{ column, target, transform?, action?: map|transform|unmap }] } replacing the proposed changes; checked against the ontology and the sample values.',
  })
  @IsOptional()
  @IsObject()
  edited?: Record<string, unknown>;
}
