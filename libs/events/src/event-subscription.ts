import { StreamEntry, StreamPosition } from './stream-entry';
import { TopicFilter } from './topic-filter';

/** A live connection (SSE response, WebSocket) as the hub sees it. */
export interface EventSink {
  /** Called once the subscription is live; replayed events follow. */
  open(): void;
  send(entry: StreamEntry): void;
  /** Tells a resuming client that events after its Last-Event-ID may have been trimmed from the stream. */
  missed(gap: MissedEvents): void;
  heartbeat(): void;
  /** Bytes written but not yet taken by the client. */
  bufferedBytes(): number;
  /** Ends the connection; the client reconnects with Last-Event-ID and catches up from the stream. */
  end(reason: 'slow_client' | 'shutdown' | 'error'): void;
}

/** Events a resuming client may no longer get: it should reload what it shows. */
export interface MissedEvents {
  lastEventId: string;
  /** The oldest event still kept (replay starts there), or null when none is. */
  oldestKept: string | null;
}

/** Reads the tenant's stream after a position, a batch at a time (empty when caught up). */
export type StreamReader = (after: StreamPosition) => Promise<StreamEntry[]>;

/**
 * One client's view of its tenant's events: in stream order, each once, filtered by topic.
 * While it catches up from the stream, live pub/sub entries wait in a backlog; the cursor (the
 * last stream position handed on) drops whatever the replay already sent.
 */
export class EventSubscription {
  private cursor?: StreamPosition;
  private backlog: StreamEntry[] | undefined = [];
  private ended = false;

  constructor(
    readonly tenantId: string,
    private filter: TopicFilter,
    private readonly sink: EventSink,
    private readonly maxBufferBytes: number,
    private readonly onEnd: (subscription: EventSubscription) => void,
  ) {}

  get topics(): TopicFilter {
    return this.filter;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  set topics(filter: TopicFilter) {
    this.filter = filter;
  }

  /** Starts after `from` (the client's Last-Event-ID, or the stream's tail for a new client). */
  async start(from: StreamPosition, read: StreamReader, missed?: MissedEvents): Promise<void> {
    this.cursor = from;
    this.sink.open();
    if (missed) this.sink.missed(missed);
    await this.catchUp(read);
  }

  /** Sends what the stream holds after the cursor, then what arrived live meanwhile. */
  async catchUp(read: StreamReader): Promise<void> {
    if (!this.cursor) return;
    this.backlog ??= [];
    try {
      for (let batch = await read(this.cursor); batch.length > 0 && !this.ended; batch = await read(this.cursor)) {
        for (const entry of batch) this.deliver(entry);
      }
    } finally {
      const held = this.backlog;
      this.backlog = undefined;
      for (const entry of held) this.deliver(entry);
    }
  }

  /** A live entry from pub/sub. */
  push(entry: StreamEntry): void {
    if (this.backlog) this.backlog.push(entry);
    else this.deliver(entry);
  }

  heartbeat(): void {
    if (this.ended || this.backlog) return;
    this.sink.heartbeat();
    this.dropIfSlow();
  }

  end(reason: 'slow_client' | 'shutdown' | 'error'): void {
    if (this.ended) return;
    this.ended = true;
    this.backlog = undefined;
    this.onEnd(this);
    this.sink.end(reason);
  }

  /** The client went away by itself. */
  detach(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd(this);
  }

  private deliver(entry: StreamEntry): void {
    if (this.ended || !this.cursor || !entry.position.isAfter(this.cursor)) return;
    this.cursor = entry.position;
    if (!this.filter.matches(entry.event.type)) return;
    this.sink.send(entry);
    this.dropIfSlow();
  }

  // A client that does not keep up is dropped rather than buffered without bound: nobody else waits
  // for it, and it resumes from the stream when it reconnects.
  private dropIfSlow(): void {
    if (this.sink.bufferedBytes() > this.maxBufferBytes) this.end('slow_client');
  }
}
