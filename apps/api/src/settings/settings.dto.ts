import { DCL_MODES, type DclMode } from '@autonomos/dcl';
import { NOTIFICATION_KINDS } from '@autonomos/notifications';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsUrl, Max, Min, ValidateNested } from 'class-validator';

class DomainThresholdsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  finops?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  revops?: number;
}

export class RepairPolicyDto {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.9, description: 'A proposal at least this confident applies itself; below it a person reviews it.' })
  @IsNumber()
  @Min(0)
  @Max(1)
  autoApplyThreshold: number;

  @ApiPropertyOptional({ type: DomainThresholdsDto, description: 'Per domain of the mapped entity; overrides autoApplyThreshold.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DomainThresholdsDto)
  domainThresholds?: DomainThresholdsDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'For money fields (e.g. BilledCost); overrides the domain’s.' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  moneyThreshold?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, description: 'Ontology field → threshold; overrides all others.' })
  @IsOptional()
  @IsObject()
  fieldThresholds?: Record<string, number>;

  @ApiProperty({ description: 'A breaking change always waits for a person, however confident.' })
  @IsBoolean()
  breakingNeedsReview: boolean;
}

export class DclSettingsDto {
  @ApiProperty({
    enum: DCL_MODES,
    description: 'aam: the DCL reads the AAM streams (default). legacy: it reads connections directly (POST /dcl/legacy-load) and leaves the streams unread.',
  })
  @IsIn(DCL_MODES)
  mode: DclMode;
}

export class SlackSettingsDto {
  @ApiProperty()
  configured: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  updatedAt: string | null;
}

export class SetSlackDto {
  @ApiProperty({ description: 'Slack Incoming Webhook URL. Stored encrypted, never returned.', example: 'https://hooks.slack.com/services/T000/B000/XXXX' })
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  webhookUrl: string;
}

export class TestNotificationDto {
  @ApiProperty({ format: 'uuid', description: 'Follow it under GET /notifications.' })
  deliveryId: string;
}

const STATUSES = ['queued', 'sent', 'failed'] as const;

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: string;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiProperty()
  text: string;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  sentAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ListDeliveriesDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
