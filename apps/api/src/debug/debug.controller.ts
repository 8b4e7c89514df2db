import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-problems.decorator';
import { Roles } from '../http/auth.guard';
import { OutboxStatsDto, QueuesDebugDto, StreamsDebugDto } from './debug.dto';
import { InfrastructureStats } from './infrastructure-stats';

@ApiTags('debug')
@ApiBearerAuth()
@Roles('admin')
@Controller('debug')
export class DebugController {
  constructor(private readonly stats: InfrastructureStats) {}

  @Get('streams')
  @ApiOperation({
    operationId: 'debugStreams',
    summary: "Your tenant's Redis Streams: lengths, consumer groups, pending entries, dead letters",
    description: 'Only streams of your tenant: its live-event stream and its DCL streams (aam:dcl:{tenant}:*; dead-letter streams end in :dead).',
  })
  @ApiOkResponse({ type: StreamsDebugDto })
  @ApiProblems(401, 403)
  async streams(): Promise<StreamsDebugDto> {
    return { streams: await this.stats.streams() };
  }

  @Get('queues')
  @ApiOperation({
    operationId: 'debugQueues',
    summary: 'Job counts of the task queue',
    description: 'The queue is infrastructure shared by every tenant: these counts are global, not yours alone. Failed jobs are the ones kept after their last attempt.',
  })
  @ApiOkResponse({ type: QueuesDebugDto })
  @ApiProblems(401, 403)
  async queues(): Promise<QueuesDebugDto> {
    return { queues: await this.stats.queues() };
  }

  @Get('outbox')
  @ApiOperation({ operationId: 'debugOutbox', summary: "Your tenant's outbox: events not yet published and how late the oldest is" })
  @ApiOkResponse({ type: OutboxStatsDto })
  @ApiProblems(401, 403)
  outbox(): Promise<OutboxStatsDto> {
    return this.stats.outbox();
  }
}
