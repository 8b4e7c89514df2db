import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class LlmTelemetryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 90, default: 7, description: 'How many UTC days back, today included.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  days?: number;
}

export class LlmStatusDto {
  @ApiProperty({ description: 'Whether your tenant’s requests use the LLM.' })
  enabled: boolean;

  @ApiPropertyOptional({ enum: ['openai', 'gemini'] })
  provider?: string;

  @ApiPropertyOptional()
  model?: string;

  @ApiPropertyOptional({ enum: ['no_provider', 'dev_mode_off', 'tenant_disabled'], description: 'Why it is off.' })
  reason?: string;
}

export class LlmUsageDayDto {
  @ApiProperty({ example: '2026-11-26', description: 'UTC day.' })
  date: string;

  @ApiProperty()
  calls: number;

  @ApiProperty({ description: 'Calls that failed or timed out (the request fell back to heuristics).' })
  failures: number;

  @ApiProperty({ description: 'Calls skipped because the daily token budget was spent.' })
  overBudget: number;

  @ApiProperty()
  promptTokens: number;

  @ApiProperty()
  completionTokens: number;
}

export class LlmTelemetryDto {
  @ApiProperty({ type: LlmStatusDto })
  status: LlmStatusDto;

  @ApiProperty({ description: 'Prompt + completion tokens your tenant may spend per UTC day.' })
  dailyTokenBudget: number;

  @ApiProperty()
  tokensLeftToday: number;

  @ApiProperty({ type: [LlmUsageDayDto], description: 'Newest first.' })
  days: LlmUsageDayDto[];
}
