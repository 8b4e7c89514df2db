import type { EventSink, MissedEvents, StreamEntry } from '@autonomos/events';
import { WebSocket } from 'ws';

/** A WebSocket client of the hub: events as `{ event: 'event', data }` messages, heartbeats as pings. */
export class WsSink implements EventSink {
  constructor(private readonly socket: WebSocket) {}

  open(): void {
    this.socket.send(JSON.stringify({ event: 'ready' }));
  }

  send(entry: StreamEntry): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(entry.wsFrame);
  }

  missed(gap: MissedEvents): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ event: 'missed', data: gap }));
  }

  heartbeat(): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.ping();
  }

  bufferedBytes(): number {
    return this.socket.bufferedAmount;
  }

  end(reason: 'slow_client' | 'shutdown' | 'error'): void {
    if (reason === 'slow_client') this.socket.terminate();
    else if (reason === 'shutdown') this.socket.close(1001, 'server shutting down');
    else this.socket.close(1011, 'internal error');
  }
}
