import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

export class StreamEventsQueryDto {
  @ApiPropertyOptional({
    example: 'task.*,drift.detected',
    description: 'Comma-separated event types to receive: an exact type, a prefix ending in `.*`, or `*` (the default, every type).',
  })
  @IsOptional()
  @IsString()
  topics?: string;

  @ApiPropertyOptional({
    example: '1718000000000-0',
    description: 'Resume after this event id, for clients that cannot send the Last-Event-ID header; the header wins when both are sent.',
  })
  @IsOptional()
  @IsString()
  lastEventId?: string;

  @ApiPropertyOptional({ description: 'Access token for clients that cannot send an Authorization header (EventSource). Prefer the header.' })
  @IsOptional()
  @IsString()
  access_token?: string;
}
