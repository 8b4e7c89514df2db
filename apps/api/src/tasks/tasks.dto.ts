import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];

export class CreateTaskDto {
  @ApiProperty({ example: 'demo.echo', description: 'A registered task type (see GET /tasks/types).' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, { message: 'type must be a dotted lower-case name such as demo.echo' })
  @MaxLength(100)
  type: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { message: 'hello', steps: 3, stepMs: 200 } })
  @IsObject()
  payload: Record<string, unknown>;
}

export class TaskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  type: string;

  @ApiProperty({ enum: STATUSES })
  status: Status;

  @ApiProperty({ type: 'object', additionalProperties: true })
  payload: object;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progress: number;

  @ApiProperty({ nullable: true, type: String })
  progressMessage: string | null;

  @ApiProperty({ description: 'Runs started so far, including retries and take-overs from a dead worker.' })
  attempts: number;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  result: object | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt: string | null;
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskDto] })
  items: TaskDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor: string | null;
}

export class ListTasksDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: Status;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
