import { DomainError, TenantEvent } from '@autonomos/platform';
import { StreamEntry, StreamPosition } from './stream-entry';

const event: TenantEvent = {
  id: 'e1',
  type: 'task.progress',
  aggregateType: 'task',
  aggregateId: 't1',
  payload: { progress: 50, note: 'line\nbreak' },
  correlationId: null,
  occurredAt: '2025-01-01T00:00:00.000Z',
};

describe('StreamPosition', () => {
  it('orders by milliseconds, then sequence, numerically', () => {
    const at = (id: string) => StreamPosition.parse(id)!;
    expect(at('10-0').isAfter(at('9-5'))).toBe(true);
    expect(at('10-10').isAfter(at('10-9'))).toBe(true);
    expect(at('10-1').isAfter(at('10-1'))).toBe(false);
    expect(at('9-99').isAfter(at('10-0'))).toBe(false);
  });

  it.each(['', 'abc', '12', '12-', '-1', '1-2-3', '1e3-0', '1234567890123456-0'])('refuses %p as Last-Event-ID', (id) => {
    expect(() => StreamPosition.fromClient(id, 'Last-Event-ID')).toThrow(DomainError);
  });
});

describe('StreamEntry', () => {
  it('reads the pub/sub message and the stream entry alike', () => {
    const fromMessage = StreamEntry.fromMessage(JSON.stringify({ streamId: '5-1', event }))!;
    const fromStream = StreamEntry.fromStream(['5-1', ['event', JSON.stringify(event)]])!;
    expect(fromMessage.id).toBe('5-1');
    expect(fromStream.event).toEqual(fromMessage.event);
  });

  it('writes one SSE frame whose id is the stream id, newlines kept inside the JSON', () => {
    const frame = new StreamEntry(StreamPosition.parse('5-1')!, event).sseFrame.toString();
    expect(frame).toBe(`id: 5-1\ndata: ${JSON.stringify(event)}\n\n`);
    expect(frame.split('\n')).toHaveLength(4);
  });
});
