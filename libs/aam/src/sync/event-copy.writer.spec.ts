import { randomUUID } from 'node:crypto';
import { IdFilter } from './event-copy.writer';

describe('IdFilter', () => {
  it('never misses an id it was given: a repeated id always takes the ON CONFLICT path', () => {
    const filter = new IdFilter();
    const ids = Array.from({ length: 50_000 }, () => randomUUID());
    expect(filter.addAll(ids.slice(0, 25_000))).toBe(true);
    for (const id of ids.slice(0, 25_000)) expect(filter.add(id)).toBe(false);
    expect(filter.addAll([ids[30_000], ids[30_001], ids[30_000]])).toBe(false);
  });

  it('rarely flags an unseen id', () => {
    const filter = new IdFilter();
    for (let i = 0; i < 200_000; i++) filter.add(randomUUID());
    let flagged = 0;
    for (let i = 0; i < 100_000; i++) if (!filter.add(randomUUID())) flagged++;
    expect(flagged).toBeLessThan(5);
  });
});
