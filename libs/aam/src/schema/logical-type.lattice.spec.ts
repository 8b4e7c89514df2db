import { classifyTypeChange, joinTypes } from './logical-type.lattice';

describe('joinTypes', () => {
  it.each([
    ['integer', 'decimal', 'decimal'],
    ['decimal', 'money_text', 'money_text'],
    ['integer', 'money_text', 'money_text'],
    ['integer', 'id', 'id'],
    ['decimal', 'id', 'string'],
    ['date', 'timestamp', 'timestamp'],
    ['date', 'integer', 'string'],
    ['boolean', 'email', 'string'],
    ['unknown', 'json', 'json'],
    ['string', 'integer', 'string'],
  ] as const)('%s ∨ %s = %s', (a, b, expected) => {
    expect(joinTypes(a, b)).toBe(expected);
    expect(joinTypes(b, a)).toBe(expected);
  });
});

describe('classifyTypeChange', () => {
  it.each([
    ['integer', 'decimal', 'widening', 'non_breaking'],
    ['date', 'timestamp', 'widening', 'non_breaking'],
    ['unknown', 'integer', 'widening', 'non_breaking'],
    ['decimal', 'integer', 'tightening', 'non_breaking'],
    ['money_text', 'decimal', 'tightening', 'non_breaking'],
    ['string', 'date', 'tightening', 'non_breaking'],
    ['decimal', 'money_text', 'format_change', 'breaking'],
    ['integer', 'money_text', 'format_change', 'breaking'],
    ['decimal', 'string', 'narrowing', 'breaking'],
    ['integer', 'id', 'narrowing', 'breaking'],
    ['timestamp', 'date', 'tightening', 'non_breaking'],
  ] as const)('%s → %s is %s (%s)', (from, to, change, severity) => {
    expect(classifyTypeChange(from, to)).toEqual({ change, severity });
  });
});
