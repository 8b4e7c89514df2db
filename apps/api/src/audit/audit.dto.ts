import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

class ActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  type: string;

  @ApiProperty()
  id: string;
}

export class AuditEntryDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ type: ActorDto })
  actor: ActorDto;

  @ApiProperty({ example: 'mapping.auto_applied' })
  action: string;

  @ApiProperty({ example: 'mapping' })
  subjectType: string;

  @ApiProperty()
  subjectId: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: object | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: object | null;

  @ApiProperty({ nullable: true, type: String })
  correlationId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items: AuditEntryDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class ListAuditDto {
  @ApiPropertyOptional({ example: 'review.approved' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string;

  @ApiPropertyOptional({ example: 'mapping' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  since?: Date;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  cursor?: string;
}
