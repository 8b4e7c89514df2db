import { AppConfig, REDIS, tenantEventsChannel, tenantEventsStream } from '@autonomos/platform';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { EventSink, EventSubscription, MissedEvents } from './event-subscription';
import { STREAM_START, StreamEntry, StreamPosition } from './stream-entry';
import { TopicFilter } from './topic-filter';

const REPLAY_BATCH = 1000;

interface Feed {
  subscriptions: Set<EventSubscription>;
  /** Resolves once Redis confirmed the SUBSCRIBE. */
  ready: Promise<unknown>;
}

/**
 * This api instance's live clients. One pub/sub subscription per tenant that has clients here,
 * whichever instance raised the event; catch-up (Last-Event-ID, or a lost pub/sub connection)
 * reads the tenant's capped stream.
 */
@Injectable()
export class EventHub implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventHub.name);
  private readonly feeds = new Map<string, Feed>();
  private subscriber?: Redis;
  private heartbeatTimer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  get clientCount(): number {
    let count = 0;
    for (const feed of this.feeds.values()) count += feed.subscriptions.size;
    return count;
  }

  /** Registers a client; nothing reaches it before `start`. */
  subscribe(tenantId: string, filter: TopicFilter, sink: EventSink): EventSubscription {
    const subscription = new EventSubscription(tenantId, filter, sink, this.config.get('EVENTS_MAX_BUFFER_BYTES'), (ended) => this.remove(ended));
    let feed = this.feeds.get(tenantId);
    if (!feed) {
      feed = { subscriptions: new Set(), ready: this.connection().subscribe(tenantEventsChannel(tenantId)) };
      this.feeds.set(tenantId, feed);
    }
    feed.subscriptions.add(subscription);
    this.heartbeatTimer ??= setInterval(() => this.heartbeat(), this.config.get('EVENTS_HEARTBEAT_MS')).unref();
    return subscription;
  }

  /**
   * Goes live once pub/sub is listening, then replays what the stream holds after
   * `lastEventId` (a new client starts at the stream's tail), first saying so when the cap
   * trimmed some of what the client missed.
   */
  async start(subscription: EventSubscription, lastEventId?: StreamPosition): Promise<void> {
    await this.feeds.get(subscription.tenantId)?.ready;
    const from = lastEventId ?? (await this.tail(subscription.tenantId));
    const missed = lastEventId && (await this.trimmedAfter(subscription.tenantId, lastEventId));
    if (subscription.isEnded) return;
    await subscription.start(from, this.reader(subscription.tenantId), missed || undefined);
  }

  beforeApplicationShutdown(): void {
    // Open responses would hold the HTTP server open; clients resume on another instance.
    for (const feed of [...this.feeds.values()]) for (const subscription of [...feed.subscriptions]) subscription.end('shutdown');
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    await this.subscriber?.quit().catch(() => undefined);
  }

  private connection(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.redis.duplicate();
    let connectedBefore = false;
    subscriber.on('message', (channel: string, message: string) => this.dispatch(channel, message));
    subscriber.on('error', (error: Error) => this.logger.warn(`event subscriber: ${error.message}`));
    // Pub/sub drops what was published while disconnected: read it back from the streams.
    subscriber.on('ready', () => {
      if (connectedBefore) this.catchUpAll();
      connectedBefore = true;
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  private dispatch(channel: string, message: string): void {
    const feed = this.feeds.get(channel.slice(channel.indexOf(':') + 1));
    if (!feed) return;
    let entry: StreamEntry | undefined;
    try {
      entry = StreamEntry.fromMessage(message);
    } catch {
      this.logger.warn(`malformed event message on ${channel}`);
    }
    if (!entry) return;
    for (const subscription of feed.subscriptions) subscription.push(entry);
  }

  private catchUpAll(): void {
    for (const [tenantId, feed] of this.feeds) {
      for (const subscription of feed.subscriptions) {
        subscription.catchUp(this.reader(tenantId)).catch(() => subscription.end('error'));
      }
    }
  }

  private heartbeat(): void {
    for (const feed of this.feeds.values()) for (const subscription of [...feed.subscriptions]) subscription.heartbeat();
  }

  private remove(subscription: EventSubscription): void {
    const feed = this.feeds.get(subscription.tenantId);
    if (!feed?.subscriptions.delete(subscription) || feed.subscriptions.size > 0) return;
    this.feeds.delete(subscription.tenantId);
    this.subscriber?.unsubscribe(tenantEventsChannel(subscription.tenantId)).catch(() => undefined);
    if (this.feeds.size === 0) {
      clearInterval(this.heartbeatTimer);
      this.heartbeatTimer = undefined;
    }
  }

  private async tail(tenantId: string): Promise<StreamPosition> {
    const [last] = (await this.redis.xrevrange(tenantEventsStream(tenantId), '+', '-', 'COUNT', 1)) as [string, string[]][];
    return (last && StreamPosition.parse(last[0])) || STREAM_START;
  }

  /**
   * Whether the cap may have trimmed entries after `position`: some were trimmed, and the oldest
   * kept (or, with none kept, the newest ever added) comes after it. Redis keeps no trace of which
   * ids it trimmed, so a client whose own last event was the newest trimmed one is told too.
   */
  private async trimmedAfter(tenantId: string, position: StreamPosition): Promise<MissedEvents | undefined> {
    const info = (await this.redis.call('XINFO', 'STREAM', tenantEventsStream(tenantId)).catch(() => undefined)) as unknown[] | undefined;
    if (!info) return undefined; // no stream yet: nothing was ever trimmed
    const field = (name: string) => info[info.indexOf(name) + 1];
    if (Number(field('entries-added')) <= Number(field('length'))) return undefined;
    const first = field('first-entry') as [string, string[]] | null;
    const boundary = StreamPosition.parse(first ? first[0] : String(field('last-generated-id')));
    if (!boundary?.isAfter(position)) return undefined;
    return { lastEventId: position.id, oldestKept: first ? first[0] : null };
  }

  private reader(tenantId: string) {
    return async (after: StreamPosition): Promise<StreamEntry[]> => {
      const entries = (await this.redis.xrange(tenantEventsStream(tenantId), `(${after.id}`, '+', 'COUNT', REPLAY_BATCH)) as [string, string[]][];
      return entries.map((entry) => StreamEntry.fromStream(entry)).filter((entry): entry is StreamEntry => entry !== undefined);
    };
  }
}
