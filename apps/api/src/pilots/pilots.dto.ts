import { ApiProperty } from '@nestjs/swagger';

export class PilotSourceDto {
  @ApiProperty({ format: 'uuid' })
  connectionId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  kind: string;

  @ApiProperty({ enum: ['finops', 'revops', 'unknown'] })
  domain: string;
}

export class PilotSummaryDto {
  @ApiProperty({ enum: ['finops', 'revops'] })
  pilot: string;

  @ApiProperty({ type: [PilotSourceDto], description: 'Connections routed to this pilot by their domain (unknown ones pass through).' })
  sources: PilotSourceDto[];

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  refreshedAt: string | null;

  @ApiProperty()
  narrative: string;

  @ApiProperty({ enum: ['llm', 'template'] })
  narrativeSource: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'finops: latestMonth, previousMonth, topCostDrivers, monthOverMonth, anomalies. revops: pipelineByStage, openPipeline, winRate, stalledDeals. Money as exact decimal strings.',
  })
  figures: Record<string, unknown>;
}
