import type { TenantEvent } from '@autonomos/platform';
import { request, type IncomingMessage } from 'node:http';

export interface ReceivedEvent {
  id: string;
  event: TenantEvent;
  receivedAt: number;
}

/**
 * A minimal server-sent-events client over node:http (Node 20 has no EventSource): it keeps
 * every event, heartbeat and the status, and never reconnects by itself.
 */
export class SseClient {
  readonly events: ReceivedEvent[] = [];
  readonly heartbeats: number[] = [];
  /** Named events without an id (`event: missed`), in arrival order, before or between events. */
  readonly notices: Array<{ event: string; data: unknown; beforeEvent: number }> = [];
  status = 0;
  body = '';
  ended = false;
  private response?: IncomingMessage;
  private pending = '';
  private waiters: Array<() => void> = [];

  private constructor(private readonly onEvent?: (event: ReceivedEvent) => void) {}

  /** Resolves once the response head arrived: for a 200, the subscription is live by then. */
  static connect(url: string, headers: Record<string, string> = {}, onEvent?: (event: ReceivedEvent) => void): Promise<SseClient> {
    const client = new SseClient(onEvent);
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        client.response = response;
        client.status = response.statusCode ?? 0;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => client.receive(chunk));
        response.on('close', () => {
          client.ended = true;
          client.notify();
        });
        if (client.status !== 200) response.on('end', () => resolve(client));
        else resolve(client);
      });
      req.on('error', reject);
      req.end();
    });
  }

  get contentType(): string | undefined {
    return this.response?.headers['content-type'];
  }

  /** Waits until at least `count` events arrived (or the stream ended). */
  async waitForEvents(count: number, timeoutMs = 15_000): Promise<ReceivedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count && !this.ended) {
      if (Date.now() > deadline) throw new Error(`got ${this.events.length} of ${count} events within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events;
  }

  close(): void {
    this.response?.destroy();
  }

  private receive(chunk: string): void {
    if (this.status !== 200) {
      this.body += chunk;
      return;
    }
    this.pending += chunk;
    let end: number;
    while ((end = this.pending.indexOf('\n\n')) >= 0) {
      const block = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + 2);
      this.parse(block);
    }
    this.notify();
  }

  private parse(block: string): void {
    let id: string | undefined;
    let name: string | undefined;
    let data: string | undefined;
    for (const line of block.split('\n')) {
      if (line === ': heartbeat') this.heartbeats.push(Date.now());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('data: ')) data = line.slice(6);
    }
    if (name !== undefined && data !== undefined) {
      this.notices.push({ event: name, data: JSON.parse(data), beforeEvent: this.events.length });
      return;
    }
    if (id === undefined || data === undefined) return;
    const received = { id, event: JSON.parse(data) as TenantEvent, receivedAt: Date.now() };
    this.events.push(received);
    this.onEvent?.(received);
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
