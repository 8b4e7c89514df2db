import { Authenticator } from '@autonomos/auth';
import { EventHub, EventSubscription, StreamPosition, TopicFilter } from '@autonomos/events';
import { DomainError } from '@autonomos/platform';
import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import { Public } from '../http/auth.guard';
import { lastEventIdOf } from './events.controller';
import { WsSink } from './ws.sink';

const POLICY_VIOLATION = 1008;

type Reply = { event: 'subscribed'; data: { topics: readonly string[] } } | { event: 'error'; data: { code: string; detail: string } };

/**
 * /events/ws: the same events as GET /events/stream. Authenticated once, at connection (bearer
 * header, X-API-Key or `?access_token=`); a refused client is closed with 1008 and a reason.
 */
@Public() // the HTTP guard does not apply to WebSocket messages: handleConnection authenticates
@WebSocketGateway({ path: '/events/ws' })
export class EventsGateway implements OnGatewayConnection {
  private readonly logger = new Logger(EventsGateway.name);
  private readonly subscriptions = new WeakMap<WebSocket, Promise<EventSubscription | undefined>>();

  constructor(
    private readonly hub: EventHub,
    private readonly authenticator: Authenticator,
  ) {}

  handleConnection(client: WebSocket, request: IncomingMessage): void {
    // Messages may arrive before authentication finished: their handlers wait for this.
    this.subscriptions.set(client, this.connect(client, request));
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() client: WebSocket, @MessageBody() data: unknown): Promise<Reply> {
    return this.changeTopics(client, data, (filter, topics) => filter.with(topics));
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() client: WebSocket, @MessageBody() data: unknown): Promise<Reply> {
    return this.changeTopics(client, data, (filter, topics) => filter.without(topics));
  }

  private async connect(client: WebSocket, request: IncomingMessage): Promise<EventSubscription | undefined> {
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    let subscription: EventSubscription;
    let lastEventId: StreamPosition | undefined;
    try {
      const token = query.get('access_token');
      const principal = await this.authenticator.fromHeaders(
        request.headers.authorization ?? (token ? `Bearer ${token}` : undefined),
        request.headers['x-api-key'] as string | undefined,
      );
      const filter = TopicFilter.fromQuery(query.get('topics') ?? undefined);
      lastEventId = lastEventIdOf(undefined, query.get('lastEventId') ?? undefined);
      if (client.readyState !== WebSocket.OPEN) return undefined;
      subscription = this.hub.subscribe(principal.tenantId, filter, new WsSink(client));
    } catch (error) {
      const refusal = error instanceof DomainError ? `${error.code}: ${error.message}` : 'internal_error';
      client.close(POLICY_VIOLATION, Buffer.from(refusal).subarray(0, 123).toString());
      return undefined;
    }
    client.on('close', () => subscription.detach());
    this.hub.start(subscription, lastEventId).catch((error: Error) => {
      this.logger.warn(`event subscription failed: ${error.message}`);
      subscription.end('error');
    });
    return subscription;
  }

  private async changeTopics(client: WebSocket, data: unknown, change: (filter: TopicFilter, topics: string[]) => TopicFilter): Promise<Reply> {
    const subscription = await this.subscriptions.get(client);
    if (!subscription) return { event: 'error', data: { code: 'unauthenticated', detail: 'This connection is not authenticated' } };
    const topics = (data as { topics?: unknown } | null)?.topics;
    try {
      if (!Array.isArray(topics)) throw new DomainError('invalid_topics', 'invalid', 'data.topics must be an array of topics');
      subscription.topics = change(subscription.topics, topics);
      return { event: 'subscribed', data: { topics: subscription.topics.topics } };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { event: 'error', data: { code: error.code, detail: error.message } };
    }
  }
}
