import { profileValues } from './value-profile';
import { rangeSimilarity, valueOverlap, ValueIndex } from './value-overlap';

describe('value overlap', () => {
  it('is the share of source values found in the target, case-insensitively', () => {
    const source = profileValues(['Male', 'Female', 'Unknown']);
    expect(valueOverlap(source, profileValues(['male', 'female', 'not reported']))).toBeCloseTo(2 / 3);
    expect(valueOverlap(source, profileValues(['T1', 'T2']))).toBe(0);
  });

  it('matches amounts written differently', () => {
    expect(valueOverlap(profileValues(['$51,130.46', '$89,609.52']), profileValues(['51130.46', '89609.52']))).toBe(1);
  });

  it('falls back to shared words and similar numeric ranges', () => {
    expect(valueOverlap(profileValues(['Stage IIA']), profileValues(['IIA', 'IIB']))).toBeCloseTo(0.3);
    expect(rangeSimilarity([0, 10], [5, 15])).toBeCloseTo(1 / 3);
    expect(rangeSimilarity([0, 1], [5, 6])).toBe(0);
  });

  it('is null when a side has no values (header-only)', () => {
    expect(valueOverlap(profileValues([]), profileValues(['a']))).toBeNull();
    expect(valueOverlap(profileValues(['a']), profileValues([]))).toBeNull();
  });

  it('gives the same figures through the inverted index', () => {
    const targets = [['male', 'female'], ['T1', 'T2'], [], ['IIA', 'IIB']].map((v) => profileValues(v));
    const source = profileValues(['Male', 'Stage IIA']);
    expect(new ValueIndex(targets).overlaps(source)).toEqual(targets.map((t) => valueOverlap(source, t)));
  });
});
