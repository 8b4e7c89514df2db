import type { EventSink, MissedEvents, StreamEntry } from '@autonomos/events';
import type { FastifyReply } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';

const HEARTBEAT = Buffer.from(': heartbeat\n\n');

/** Writes server-sent events straight to the socket, so the hub can see how much a client left unread. */
export class SseSink implements EventSink {
  /** Frames of this tick, written together on the next one. */
  private batch: Buffer[] = [];

  constructor(private readonly reply: FastifyReply) {}

  open(): void {
    this.reply.hijack();
    // Hijacked replies skip Fastify's serializer: carry over what the hooks set (helmet, CORS).
    this.reply.raw.writeHead(200, {
      ...this.reply.getHeaders(),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    } as OutgoingHttpHeaders);
    this.write(Buffer.from('retry: 1000\n\n'));
  }

  send(entry: StreamEntry): void {
    this.write(entry.sseFrame);
  }

  /** A named event without an id: EventSource delivers it to 'missed' listeners and keeps its Last-Event-ID. */
  missed(gap: MissedEvents): void {
    this.write(Buffer.from(`event: missed\ndata: ${JSON.stringify(gap)}\n\n`));
  }

  heartbeat(): void {
    this.write(HEARTBEAT);
  }

  /** What the socket has not taken from earlier ticks (this tick's batch is not a sign of a slow client). */
  bufferedBytes(): number {
    return this.reply.raw.writableLength;
  }

  end(reason: 'slow_client' | 'shutdown' | 'error'): void {
    this.batch = [];
    // A slow client's socket is full: a graceful end would wait behind its backlog.
    if (reason === 'slow_client') this.reply.raw.destroy();
    else this.reply.raw.end();
  }

  // A burst arrives from Redis in one tick: one chunked write per client per tick, not one per event.
  private write(chunk: Buffer): void {
    if (this.batch.push(chunk) > 1) return;
    process.nextTick(() => {
      const batch = this.batch;
      this.batch = [];
      if (batch.length > 0 && !this.reply.raw.destroyed) this.reply.raw.write(batch.length === 1 ? batch[0] : Buffer.concat(batch));
    });
  }
}
