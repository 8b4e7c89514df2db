import { DomainError } from '@autonomos/platform';
import { TopicFilter } from './topic-filter';

describe('TopicFilter', () => {
  it('matches exact types, dotted prefixes and *', () => {
    const filter = TopicFilter.fromQuery('task.*, drift.detected');
    expect(filter.matches('task.progress')).toBe(true);
    expect(filter.matches('task.status_changed')).toBe(true);
    expect(filter.matches('drift.detected')).toBe(true);
    expect(filter.matches('drift.resolved')).toBe(false);
    expect(filter.matches('taskforce.created')).toBe(false);
    expect(TopicFilter.fromQuery(undefined).matches('anything.at_all')).toBe(true);
  });

  it.each(['', 'Task.*', 'task.**', '*.progress', 'task..x', 'task.*.x', 'a'.repeat(101)])('refuses %p with a 400 naming the field', (topic) => {
    expect(() => TopicFilter.fromQuery(topic)).toThrow(DomainError);
    try {
      TopicFilter.fromQuery(topic);
    } catch (error) {
      expect((error as DomainError).kind).toBe('invalid');
      expect((error as DomainError).fields[0].field).toBe('topics');
    }
  });

  it('refuses more than 20 topics', () => {
    expect(() => TopicFilter.parse(Array.from({ length: 21 }, (_, i) => `t${i}.x`))).toThrow('at most 20');
  });

  it('adds and removes topics', () => {
    const filter = TopicFilter.parse(['task.*']).with(['drift.detected']).without(['task.*']);
    expect(filter.topics).toEqual(['drift.detected']);
    expect(filter.matches('task.progress')).toBe(false);
    expect(filter.without(['drift.detected']).matches('drift.detected')).toBe(false);
  });
});
