import type { TenantEvent } from '@autonomos/platform';
import { EventSink, EventSubscription } from './event-subscription';
import { StreamEntry, StreamPosition } from './stream-entry';
import { TopicFilter } from './topic-filter';

const entry = (id: string, type = 'task.progress') =>
  new StreamEntry(StreamPosition.parse(id)!, { id, type, aggregateType: 'task', aggregateId: 'a', payload: {}, correlationId: null, occurredAt: '' } as TenantEvent);

class FakeSink implements EventSink {
  sent: string[] = [];
  ended?: string;
  buffered = 0;
  open = jest.fn();
  missed = jest.fn();
  heartbeat = jest.fn();
  send(e: StreamEntry) {
    this.sent.push(e.id);
  }
  bufferedBytes() {
    return this.buffered;
  }
  end(reason: string) {
    this.ended = reason;
  }
}

function setup(filter = TopicFilter.ALL, maxBuffer = 1000) {
  const sink = new FakeSink();
  const onEnd = jest.fn();
  return { sink, onEnd, subscription: new EventSubscription('t1', filter, sink, maxBuffer, onEnd) };
}

describe('EventSubscription', () => {
  it('replays the stream after the cursor, then live entries that arrived meanwhile, each once and in order', async () => {
    const { sink, subscription } = setup();
    const stream = [entry('1-0'), entry('2-0'), entry('3-0')];
    subscription.push(entry('3-0')); // live, while replay is still reading
    subscription.push(entry('4-0'));
    await subscription.start(StreamPosition.parse('1-0')!, async (after) => stream.filter((e) => e.position.isAfter(after)));
    subscription.push(entry('4-0')); // duplicate from a second read path
    subscription.push(entry('5-0'));
    expect(sink.open).toHaveBeenCalledTimes(1);
    expect(sink.sent).toEqual(['2-0', '3-0', '4-0', '5-0']);
  });

  it('sends only matching types but still advances past the others', async () => {
    const { sink, subscription } = setup(TopicFilter.fromQuery('drift.*'));
    await subscription.start(StreamPosition.parse('0-0')!, async () => []);
    subscription.push(entry('1-0', 'task.progress'));
    subscription.push(entry('2-0', 'drift.detected'));
    subscription.push(entry('1-0', 'drift.detected'));
    expect(sink.sent).toEqual(['2-0']);
  });

  it('drops a client whose unread bytes pass the limit, once', async () => {
    const { sink, onEnd, subscription } = setup(TopicFilter.ALL, 100);
    await subscription.start(StreamPosition.parse('0-0')!, async () => []);
    subscription.push(entry('1-0'));
    sink.buffered = 101;
    subscription.push(entry('2-0'));
    subscription.push(entry('3-0'));
    expect(sink.sent).toEqual(['1-0', '2-0']);
    expect(sink.ended).toBe('slow_client');
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('sends heartbeats only once live', async () => {
    const { sink, subscription } = setup();
    subscription.heartbeat();
    expect(sink.heartbeat).not.toHaveBeenCalled();
    await subscription.start(StreamPosition.parse('0-0')!, async () => []);
    subscription.heartbeat();
    expect(sink.heartbeat).toHaveBeenCalledTimes(1);
  });

  it('tells the client it missed trimmed events before replaying what is kept', async () => {
    const { sink, subscription } = setup();
    const order: string[] = [];
    sink.missed.mockImplementation(() => order.push('missed'));
    const send = sink.send.bind(sink);
    sink.send = (e: StreamEntry) => {
      order.push(e.id);
      send(e);
    };
    await subscription.start(StreamPosition.parse('1-0')!, async (after) => [entry('5-0')].filter((e) => e.position.isAfter(after)), { lastEventId: '1-0', oldestKept: '5-0' });
    expect(sink.missed).toHaveBeenCalledWith({ lastEventId: '1-0', oldestKept: '5-0' });
    expect(order).toEqual(['missed', '5-0']);
  });
});
