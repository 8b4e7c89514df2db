import type { DiscoveredAsset } from '../contract/discovery.contract';
import { ESTATE_SCANNED_AT, generateEstate } from '../demo/estate';
import { levelStats, scoreAsset } from './risk-scoring';

const asset = (overrides: Partial<DiscoveredAsset>): DiscoveredAsset => ({
  id: 'a-1',
  name: 'asset',
  kind: 'database',
  vendor: 'postgres',
  owner: 'owner@example.com',
  dataClasses: ['internal'],
  exposure: 'internal',
  encrypted: true,
  lastReviewedAt: '2026-03-01T00:00:00Z',
  records: 10,
  ...overrides,
});
const levelOf = (overrides: Partial<DiscoveredAsset>) => scoreAsset(asset(overrides), ESTATE_SCANNED_AT).level;

describe('scoreAsset', () => {
  it('gives levels that follow from the attributes', () => {
    expect(levelOf({})).toBe('low');
    expect(levelOf({ dataClasses: ['pii'], exposure: 'public' })).toBe('high');
    expect(levelOf({ dataClasses: ['financial'], encrypted: false })).toBe('high');
    expect(levelOf({ dataClasses: ['pii'] })).toBe('low');
    expect(levelOf({ dataClasses: ['pii'], owner: null })).toBe('medium');
    expect(levelOf({ dataClasses: ['credentials'] })).toBe('medium');
    expect(levelOf({ dataClasses: ['public'], exposure: 'public', owner: null, lastReviewedAt: null })).toBe('medium');
  });

  it('names every factor it counted', () => {
    const { score, factors } = scoreAsset(asset({ dataClasses: ['pii', 'financial'], exposure: 'partner', encrypted: false, owner: null, lastReviewedAt: '2024-01-01T00:00:00Z' }), ESTATE_SCANNED_AT);
    expect(factors.map((f) => [f.factor, f.points])).toEqual([
      ['sensitivity', 3],
      ['exposure', 2],
      ['unencrypted', 3],
      ['owner_missing', 1],
      ['review_overdue', 1],
    ]);
    expect(score).toBe(10);
  });

  it('measures a review overdue against the snapshot time, not the clock', () => {
    const reviewed = asset({ dataClasses: ['pii'], lastReviewedAt: '2025-01-01T00:00:00Z' });
    expect(scoreAsset(reviewed, '2025-06-01T00:00:00Z').level).toBe('low');
    expect(scoreAsset(reviewed, '2026-06-01T00:00:00Z').level).toBe('medium');
  });

  it('is deterministic: the same estate gives the same levels every time', () => {
    const first = generateEstate(500, 42).map((a) => scoreAsset(a, ESTATE_SCANNED_AT));
    const second = generateEstate(500, 42).map((a) => scoreAsset(a, ESTATE_SCANNED_AT));
    expect(second).toEqual(first);
  });

  it('is calibrated: a typical estate comes out about 15% high, 25% medium, 60% low', () => {
    for (const seed of [1, 2, 3]) {
      const stats = levelStats(generateEstate(5000, seed).map((a) => scoreAsset(a, ESTATE_SCANNED_AT).level));
      expect(Math.abs(stats.high.percent - 15)).toBeLessThanOrEqual(3);
      expect(Math.abs(stats.medium.percent - 25)).toBeLessThanOrEqual(3);
      expect(Math.abs(stats.low.percent - 60)).toBeLessThanOrEqual(3);
    }
    // The bundled demo estate (200 assets) too.
    expect(levelStats(generateEstate().map((a) => scoreAsset(a, ESTATE_SCANNED_AT).level))).toEqual({
      high: { count: 30, percent: 15 },
      medium: { count: 48, percent: 24 },
      low: { count: 122, percent: 61 },
    });
  });
});
