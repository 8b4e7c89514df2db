import type { TenantEvent, TenantEventMessage } from '@autonomos/platform';
import { eventsErrors } from './events.errors';

/** Where an entry sits in a tenant's Redis Stream: `<ms>-<seq>`, compared numerically. */
export class StreamPosition {
  private constructor(
    readonly id: string,
    private readonly ms: number,
    private readonly seq: number,
  ) {}

  static parse(id: string): StreamPosition | undefined {
    const match = /^(\d{1,15})-(\d{1,15})$/.exec(id);
    return match ? new StreamPosition(id, Number(match[1]), Number(match[2])) : undefined;
  }

  /** A Last-Event-ID from a client: malformed is a 400 naming `field`. */
  static fromClient(id: string, field: string): StreamPosition {
    const position = StreamPosition.parse(id.trim());
    if (!position) throw eventsErrors.invalidLastEventId(field);
    return position;
  }

  isAfter(other: StreamPosition): boolean {
    return this.ms > other.ms || (this.ms === other.ms && this.seq > other.seq);
  }
}

export const STREAM_START = StreamPosition.parse('0-0')!;

/**
 * One event of a tenant's stream. The frames are built once per api instance and shared by
 * every client it is sent to.
 */
export class StreamEntry {
  private sse?: Buffer;
  private ws?: string;

  constructor(
    readonly position: StreamPosition,
    readonly event: TenantEvent,
  ) {}

  get id(): string {
    return this.position.id;
  }

  /** A pub/sub message from `publishTenantEvent`. */
  static fromMessage(message: string): StreamEntry | undefined {
    const { streamId, event } = JSON.parse(message) as TenantEventMessage;
    const position = StreamPosition.parse(streamId);
    return position && new StreamEntry(position, event);
  }

  /** An XRANGE entry: `[id, ['event', json]]`. */
  static fromStream([id, fields]: [string, string[]]): StreamEntry | undefined {
    const position = StreamPosition.parse(id);
    const json = fields[fields.indexOf('event') + 1];
    return position && json ? new StreamEntry(position, JSON.parse(json) as TenantEvent) : undefined;
  }

  /** `id:` is the stream id, so a browser's EventSource resumes with it as Last-Event-ID. */
  get sseFrame(): Buffer {
    this.sse ??= Buffer.from(`id: ${this.id}\ndata: ${JSON.stringify(this.event)}\n\n`);
    return this.sse;
  }

  get wsFrame(): string {
    this.ws ??= JSON.stringify({ event: 'event', data: { streamId: this.id, ...this.event } });
    return this.ws;
  }
}
