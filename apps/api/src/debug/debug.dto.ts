import { ApiProperty } from '@nestjs/swagger';

export class ConsumerGroupStatsDto {
  @ApiProperty()
  name: string;

  @ApiProperty()
  consumers: number;

  @ApiProperty({ description: 'Entries delivered to a consumer and not acknowledged yet.' })
  pending: number;

  @ApiProperty({ nullable: true, type: Number, description: 'Entries not delivered to the group yet; null when Redis cannot tell.' })
  lag: number | null;
}

export class StreamStatsDto {
  @ApiProperty({ example: 'events:stream:6f1c…' })
  key: string;

  @ApiProperty({ enum: ['events', 'dcl', 'dead_letter'], description: 'Your live events, a DCL feed, or entries that failed for good.' })
  kind: 'events' | 'dcl' | 'dead_letter';

  @ApiProperty({ description: 'Entries kept (the streams are capped).' })
  length: number;

  @ApiProperty({ nullable: true, type: String })
  firstId: string | null;

  @ApiProperty({ nullable: true, type: String })
  lastId: string | null;

  @ApiProperty({ type: [ConsumerGroupStatsDto] })
  groups: ConsumerGroupStatsDto[];
}

export class StreamsDebugDto {
  @ApiProperty({ type: [StreamStatsDto] })
  streams: StreamStatsDto[];
}

export class JobCountsDto {
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() prioritized: number;
  @ApiProperty({ name: 'waiting-children' }) 'waiting-children': number;
  @ApiProperty() paused: number;
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'Jobs that failed for good and are kept (dead letters of the queue).' }) failed: number;
}

export class QueueStatsDto {
  @ApiProperty({ example: 'tasks' })
  name: string;

  @ApiProperty({ type: JobCountsDto })
  counts: JobCountsDto;
}

export class QueuesDebugDto {
  @ApiProperty({ type: [QueueStatsDto] })
  queues: QueueStatsDto[];
}

export class OutboxStatsDto {
  @ApiProperty({ description: "Your tenant's events written but not yet published." })
  unpublished: number;

  @ApiProperty({ description: 'Age in seconds of the oldest unpublished event; 0 when none waits.' })
  oldestLagSeconds: number;
}
