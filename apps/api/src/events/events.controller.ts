import { EventHub, StreamPosition, TopicFilter } from '@autonomos/events';
import { RequestContext } from '@autonomos/platform';
import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../http/api-problems.decorator';
import { AcceptsQueryToken } from '../http/auth.guard';
import { StreamEventsQueryDto } from './events.dto';
import { SseSink } from './sse.sink';

/** Reads the resume point from the header (what EventSource sends on reconnect) or the query. */
export function lastEventIdOf(header: string | undefined, query: string | undefined): StreamPosition | undefined {
  if (header !== undefined) return StreamPosition.fromClient(header, 'Last-Event-ID');
  if (query !== undefined) return StreamPosition.fromClient(query, 'lastEventId');
  return undefined;
}

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly hub: EventHub,
    private readonly context: RequestContext,
  ) {}

  @Get('stream')
  @AcceptsQueryToken()
  @ApiOperation({
    operationId: 'streamEvents',
    summary: "Your tenant's live events as server-sent events",
    description:
      'Each event is `id: <stream id>` and `data: <JSON event>` (id, type, aggregateType, aggregateId, payload, correlationId, occurredAt); ' +
      '`: heartbeat` comments keep the connection open. Reconnect with Last-Event-ID (EventSource does) to receive exactly what you missed, ' +
      'within the last ~10,000 events of your tenant; when some of what you missed may be older than that, an `event: missed` frame ' +
      '(data: lastEventId, oldestKept) comes first, so you know to reload. A client that leaves too much unread is disconnected and resumes the same way. ' +
      'WebSocket clients connect to /events/ws (same query parameters) and may send {"event":"subscribe"|"unsubscribe","data":{"topics":[...]}}.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id (the `id:` of the last event received).' })
  @ApiOkResponse({ description: 'An endless text/event-stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @ApiProblems(400, 401)
  async stream(
    @Query() query: StreamEventsQueryDto,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const filter = TopicFilter.fromQuery(query.topics);
    const lastEventId = lastEventIdOf(lastEventIdHeader, query.lastEventId);
    const subscription = this.hub.subscribe(this.context.tenantId, filter, new SseSink(reply));
    reply.raw.on('close', () => subscription.detach());
    try {
      await this.hub.start(subscription, lastEventId);
    } catch (error) {
      // Before the stream opened the client gets a problem+json; after, it reconnects and resumes.
      if (!reply.sent) {
        subscription.detach();
        throw error;
      }
      subscription.end('error');
    }
  }
}
