import { Module } from '@nestjs/common';
import { EventHub } from './event-hub';

/** Live tenant events for SSE and WebSocket clients: pub/sub fan-out, stream replay, heartbeats. */
@Module({
  providers: [EventHub],
  exports: [EventHub],
})
export class EventsModule {}
