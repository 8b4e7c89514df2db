import { assignGreedy } from './assignment';

describe('assignGreedy', () => {
  it('gives each target to one source, best pairs first', () => {
    const assigned = assignGreedy([
      { source: 0, target: 0, score: 0.9 },
      { source: 1, target: 0, score: 0.8 },
      { source: 1, target: 1, score: 0.6 },
      { source: 0, target: 1, score: 0.5 },
    ]);
    expect([...assigned]).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('leaves sources unassigned below the minimum score or without a free target', () => {
    const assigned = assignGreedy(
      [
        { source: 0, target: 0, score: 0.9 },
        { source: 1, target: 0, score: 0.8 },
        { source: 2, target: 1, score: 0.1 },
      ],
      0.3,
    );
    expect(assigned.get(0)).toBe(0);
    expect(assigned.has(1)).toBe(false);
    expect(assigned.has(2)).toBe(false);
  });
});
