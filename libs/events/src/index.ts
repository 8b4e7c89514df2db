export { EventsModule } from './events.module';
export { EventHub } from './event-hub';
export { EventSubscription } from './event-subscription';
export type { EventSink, MissedEvents } from './event-subscription';
export { EventsErrorCode } from './events.errors';
export { StreamEntry, StreamPosition } from './stream-entry';
export { TopicFilter } from './topic-filter';
