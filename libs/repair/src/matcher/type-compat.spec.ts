import { toKind, typeCompatibility } from './type-compat';

describe('type compatibility', () => {
  it('reads declared types and value patterns alike', () => {
    expect(toKind('date/time')).toBe('timestamp');
    expect(toKind('VARCHAR(255)')).toBe('string');
    expect(toKind('money')).toBe('money');
    expect(toKind(undefined)).toBe('unknown');
    expect(toKind('something')).toBe('unknown');
  });

  it('ranks same > convertible > incompatible', () => {
    expect(typeCompatibility('decimal', 'decimal')).toBe(1);
    expect(typeCompatibility('money', 'decimal')).toBeGreaterThan(0.5);
    expect(typeCompatibility('date', 'timestamp')).toBeGreaterThan(0.5);
    expect(typeCompatibility('integer', 'id')).toBeGreaterThan(0.5);
    expect(typeCompatibility('timestamp', 'decimal')).toBe(0);
    expect(typeCompatibility('decimal', 'boolean')).toBe(0);
  });

  it('is unknown when either side is', () => {
    expect(typeCompatibility('unknown', 'decimal')).toBeNull();
    expect(typeCompatibility('text', 'unknown')).toBeNull();
  });
});
