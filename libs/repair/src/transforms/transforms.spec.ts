import { applyTransform, previewTransform, suggestTransform, TransformError, TransformSpec } from './index';

const money: TransformSpec = { kind: 'money_to_decimal' };

describe('money_to_decimal', () => {
  it.each([
    ['$51,130.46', '51130.46'],
    ['€1.234,56', '1234.56'],
    ['1.234.567,89 €', '1234567.89'],
    ['-$12.50', '-12.50'],
    ['($1,000.00)', '-1000.00'],
    ['USD 99', '99'],
    ['£0.07', '0.07'],
    ['1,234', '1234'],
    ['12.5', '12.5'],
    ['0012.30', '12.30'],
    ['-0.00', '0.00'],
    ['123456789012345678.99', '123456789012345678.99'],
  ])('%s → %s', (input, output) => {
    expect(applyTransform(money, input)).toBe(output);
  });

  it('honours an explicit decimal separator', () => {
    expect(applyTransform({ kind: 'money_to_decimal', decimalSeparator: ',' }, '1,5')).toBe('1.5');
    expect(applyTransform({ kind: 'money_to_decimal', decimalSeparator: '.' }, '1.234')).toBe('1.234');
  });

  it.each(['abc', '$', '1,23,4', '1.2.3,4,5', ''])('rejects %p naming the value', (input) => {
    expect(() => applyTransform(money, input)).toThrow(TransformError);
    expect(() => applyTransform(money, input)).toThrow(`"${input}"`);
  });
});

describe('other transforms', () => {
  it('converts date formats and rejects impossible dates', () => {
    expect(applyTransform({ kind: 'date_format', from: 'MM/DD/YYYY' }, '6/1/2025')).toBe('2025-06-01');
    expect(applyTransform({ kind: 'date_format', from: 'DD.MM.YYYY', to: 'YYYY/MM/DD' }, '31.12.2024')).toBe('2024/12/31');
    expect(() => applyTransform({ kind: 'date_format', from: 'MM/DD/YYYY' }, '02/30/2025')).toThrow('"02/30/2025"');
    expect(() => applyTransform({ kind: 'date_format', from: 'MM/DD/YYYY' }, '2025-06-01')).toThrow('does not match');
  });

  it('scales decimals exactly', () => {
    expect(applyTransform({ kind: 'scale', power10: -2 }, '5113046')).toBe('51130.46');
    expect(applyTransform({ kind: 'scale', power10: -3 }, '5')).toBe('0.005');
    expect(applyTransform({ kind: 'scale', power10: 3 }, '-1.5')).toBe('-1500');
    expect(applyTransform({ kind: 'scale', power10: 1 }, '0.1')).toBe('1');
    expect(() => applyTransform({ kind: 'scale', power10: 2 }, '1e5')).toThrow('"1e5"');
  });

  it('trims, changes case, casts integers and booleans', () => {
    expect(applyTransform({ kind: 'trim' }, '  a b ')).toBe('a b');
    expect(applyTransform({ kind: 'case', to: 'upper' }, 'usd')).toBe('USD');
    expect(applyTransform({ kind: 'to_integer' }, '1,234')).toBe('1234');
    expect(applyTransform({ kind: 'to_integer' }, '12.0')).toBe('12');
    expect(() => applyTransform({ kind: 'to_integer' }, '12.5')).toThrow('"12.5"');
    expect(applyTransform({ kind: 'to_boolean' }, 'Yes')).toBe(true);
    expect(applyTransform({ kind: 'to_boolean' }, '0')).toBe(false);
    expect(() => applyTransform({ kind: 'to_boolean' }, 'maybe')).toThrow('"maybe"');
  });

  it('specs survive JSON', () => {
    const spec: TransformSpec = { kind: 'date_format', from: 'MM/DD/YYYY' };
    const copy = JSON.parse(JSON.stringify(spec)) as TransformSpec;
    expect(applyTransform(copy, '12/31/2024')).toBe('2024-12-31');
  });
});

describe('previewTransform', () => {
  it('shows before/after and per-row errors', () => {
    expect(previewTransform(money, ['$1.00', 'n/a'])).toEqual([
      { before: '$1.00', after: '1.00' },
      { before: 'n/a', error: 'money_to_decimal: cannot convert "n/a": not a money amount' },
    ]);
  });
});

describe('suggestTransform', () => {
  it('detects money as text for numeric targets', () => {
    expect(suggestTransform(['$51,130.46', '$89,609.52'], 'decimal')).toEqual({ kind: 'money_to_decimal' });
    expect(suggestTransform(['51130.46', '89609.52'], 'decimal')).toBeNull();
  });

  it('detects US and day-first dates', () => {
    expect(suggestTransform(['06/01/2025', '07/01/2025'], 'date')).toEqual({ kind: 'date_format', from: 'MM/DD/YYYY' });
    expect(suggestTransform(['31/01/2025', '07/02/2025'], 'timestamp')).toEqual({ kind: 'date_format', from: 'DD/MM/YYYY' });
  });

  it('detects booleans, integers with separators and padding', () => {
    expect(suggestTransform(['yes', 'no'], 'boolean')).toEqual({ kind: 'to_boolean' });
    expect(suggestTransform(['1,234', '5'], 'integer')).toEqual({ kind: 'to_integer' });
    expect(suggestTransform([' a', 'b '], 'string')).toEqual({ kind: 'trim' });
  });

  it('proposes nothing that would fail on a sample', () => {
    expect(suggestTransform(['$1.00', 'free'], 'decimal')).toBeNull();
    expect(suggestTransform(['maybe'], 'boolean')).toBeNull();
    expect(suggestTransform([], 'decimal')).toBeNull();
  });
});
