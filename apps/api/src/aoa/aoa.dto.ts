import { ASSET_KINDS, DATA_CLASSES, EXPOSURES, QUERY_MAX_LENGTH, RISK_LEVELS } from '@autonomos/aoa';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

const FACTORS = ['sensitivity', 'exposure', 'unencrypted', 'owner_missing', 'review_overdue'] as const;

export class DiscoverDto {
  @ApiProperty({ minLength: 1, maxLength: QUERY_MAX_LENGTH, example: 'customer databases holding card or personal data' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'query must not be empty' })
  @MaxLength(QUERY_MAX_LENGTH)
  query: string;
}

export class RunDto {
  @ApiPropertyOptional({ enum: ['incremental', 'full'], default: 'incremental', description: 'How every connection is synced: only what changed, or every record again.' })
  @IsOptional()
  @IsIn(['incremental', 'full'])
  mode?: 'incremental' | 'full';
}

class RiskFactorDto {
  @ApiProperty({ enum: FACTORS })
  factor: string;

  @ApiProperty()
  points: number;

  @ApiProperty()
  detail: string;
}

class RiskDto {
  @ApiProperty({ description: 'Sum of the factors’ points.' })
  score: number;

  @ApiProperty({ enum: RISK_LEVELS, description: 'high ≥ 6 points, medium ≥ 4, low below.' })
  level: string;

  @ApiProperty({ type: [RiskFactorDto] })
  factors: RiskFactorDto[];
}

export class DiscoveredAssetDto {
  @ApiProperty({ description: 'AOD’s id of the asset.' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ASSET_KINDS })
  kind: string;

  @ApiProperty({ nullable: true, type: String, example: 'postgres' })
  vendor: string | null;

  @ApiProperty({ nullable: true, type: String })
  owner: string | null;

  @ApiProperty({ enum: DATA_CLASSES, isArray: true })
  dataClasses: string[];

  @ApiProperty({ enum: EXPOSURES })
  exposure: string;

  @ApiProperty()
  encrypted: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastReviewedAt: string | null;

  @ApiProperty({ nullable: true, type: Number })
  records: number | null;

  @ApiProperty({ type: RiskDto })
  risk: RiskDto;
}

export class AssetDto extends DiscoveredAssetDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The HITL item (kind asset) reviewing it: high and medium assets of a demo scan.' })
  reviewItemId: string | null;

  @ApiProperty({ format: 'date-time' })
  firstSeenAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class AssetPageDto {
  @ApiProperty({ type: [AssetDto] })
  items: AssetDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class ListAssetsDto {
  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  level?: 'high' | 'medium' | 'low';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

class LevelDto {
  @ApiProperty()
  count: number;

  @ApiProperty({ description: 'Share of the assets, one decimal.' })
  percent: number;
}

class LevelStatsDto {
  @ApiProperty({ type: LevelDto })
  high: LevelDto;

  @ApiProperty({ type: LevelDto })
  medium: LevelDto;

  @ApiProperty({ type: LevelDto })
  low: LevelDto;
}

export class RecommendationDto {
  @ApiProperty({ enum: ['connect_source', 'review_asset'] })
  action: string;

  @ApiProperty()
  assetId: string;

  @ApiProperty()
  assetName: string;

  @ApiProperty({ enum: RISK_LEVELS })
  riskLevel: string;

  @ApiProperty({ nullable: true, type: String, description: 'connect_source: the kind of connection to create.' })
  connectionKind: string | null;

  @ApiProperty()
  reason: string;

  @ApiProperty({ description: 'The asset in the AOD dashboard (AOD_DASHBOARD_URL).' })
  link: string;
}

export class DiscoveryResultDto {
  @ApiProperty({ format: 'uuid' })
  discoveryId: string;

  @ApiProperty({ description: 'AOD’s id of its answer.' })
  requestId: string;

  @ApiProperty({ description: 'Sent to AOD as X-Correlation-Id and logged at each step.' })
  correlationId: string;

  @ApiProperty({ type: [DiscoveredAssetDto] })
  assets: DiscoveredAssetDto[];

  @ApiProperty({ type: LevelStatsDto })
  levels: LevelStatsDto;

  @ApiProperty({ type: [RecommendationDto] })
  recommendations: RecommendationDto[];
}

class ReviewCountsDto {
  @ApiProperty({ description: 'HITL items of kind asset queued by this scan.' })
  requested: number;

  @ApiProperty({ description: 'High and medium assets already queued by an earlier scan (never queued twice).' })
  alreadyQueued: number;
}

export class DemoScanResultDto {
  @ApiProperty({ format: 'uuid' })
  discoveryId: string;

  @ApiProperty()
  requestId: string;

  @ApiProperty()
  total: number;

  @ApiProperty({ type: LevelStatsDto })
  levels: LevelStatsDto;

  @ApiProperty({ type: ReviewCountsDto })
  reviews: ReviewCountsDto;
}

class LastSyncDto {
  @ApiProperty({ format: 'uuid' })
  taskId: string;

  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] })
  status: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt: string | null;

  @ApiProperty()
  read: number;

  @ApiProperty()
  written: number;

  @ApiProperty({ description: 'Drifts this sync detected.' })
  drifts: number;
}

class StatusConnectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  kind: string;

  @ApiProperty({ type: LastSyncDto, nullable: true })
  lastSync: LastSyncDto | null;
}

class DriftStatusDto {
  @ApiProperty({ description: 'Drifts whose repair waits for a reviewer (pending or escalated mapping items).' })
  open: number;
}

class ReviewStatusDto {
  @ApiProperty()
  pending: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { mapping: 2, asset: 78 } })
  byKind: Record<string, number>;
}

class ViewStatusDto {
  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  refreshedAt: string | null;

  @ApiProperty({ nullable: true, type: Number })
  rowCount: number | null;

  @ApiProperty({ description: 'A connection synced after the view’s last refresh (or it was never refreshed).' })
  stale: boolean;
}

class LlmStatusDto {
  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ description: 'Provider and model, or why it is off (no_provider, dev_mode_off, tenant_disabled).' })
  detail: string;

  @ApiProperty()
  callsToday: number;

  @ApiProperty()
  tokensToday: number;

  @ApiProperty()
  tokensLeftToday: number;
}

class AssetCountsDto {
  @ApiProperty()
  total: number;

  @ApiProperty()
  high: number;

  @ApiProperty()
  medium: number;

  @ApiProperty()
  low: number;
}

class RunSummaryDto {
  @ApiProperty({ format: 'uuid' })
  taskId: string;

  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] })
  status: string;

  @ApiProperty()
  progress: number;

  @ApiProperty({ nullable: true, type: String })
  progressMessage: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt: string | null;
}

export class AoaStatusDto {
  @ApiProperty({ type: [StatusConnectionDto] })
  connections: StatusConnectionDto[];

  @ApiProperty({ type: DriftStatusDto })
  drift: DriftStatusDto;

  @ApiProperty({ type: ReviewStatusDto })
  reviews: ReviewStatusDto;

  @ApiProperty({ type: [ViewStatusDto] })
  views: ViewStatusDto[];

  @ApiProperty({ type: LlmStatusDto })
  llm: LlmStatusDto;

  @ApiProperty({ type: AssetCountsDto })
  assets: AssetCountsDto;

  @ApiProperty({ type: RunSummaryDto, nullable: true, description: 'The latest POST /aoa/run.' })
  lastRun: RunSummaryDto | null;
}
