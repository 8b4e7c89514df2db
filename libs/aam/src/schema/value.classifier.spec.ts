import { joinTypes, LogicalType } from './logical-type.lattice';
import { ColumnFormat } from './schema.types';
import { acceptorFor, classifyValue, isNullValue, normalizeValue } from './value.classifier';

describe('classifyValue', () => {
  it.each([
    ['111122223333', 'integer', {}],
    ['-5', 'integer', {}],
    ['51130.46', 'decimal', { decimalSeparator: '.' }],
    ['12,50', 'decimal', { decimalSeparator: ',' }],
    ['$51,130.46', 'money_text', { currency: '$', decimalSeparator: '.', thousandsSeparator: ',' }],
    ['€1.234,50', 'money_text', { currency: '€', decimalSeparator: ',', thousandsSeparator: '.' }],
    ['1 234,50 €', 'money_text', { currency: '€', decimalSeparator: ',', thousandsSeparator: ' ' }],
    ['USD 5', 'money_text', { currency: 'USD' }],
    ['(1,234.00)', 'money_text', { decimalSeparator: '.', thousandsSeparator: ',' }],
    ['TRUE', 'boolean', {}],
    ['2025-06-01', 'date', { datePattern: 'YYYY-MM-DD' }],
    ['31/12/2025', 'date', { datePattern: 'DD/MM/YYYY' }],
    ['12/31/2025', 'date', { datePattern: 'MM/DD/YYYY' }],
    ['01.02.2025', 'date', { datePattern: 'DD.MM.YYYY' }],
    ['2025-08-01T00:00:00.000Z', 'timestamp', { datePattern: 'YYYY-MM-DD', timezone: 'offset' }],
    ['2024-01-01T10:00:00.000+0000', 'timestamp', { datePattern: 'YYYY-MM-DD', timezone: 'offset' }],
    ['2025-01-01 10:00', 'timestamp', { datePattern: 'YYYY-MM-DD', timezone: 'none' }],
    ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'id', {}],
    ['arn:aws:ec2:us-east-1:111122223333:instance/ec2-1000', 'id', {}],
    ['CR-2025-001', 'id', {}],
    ['0015g0000000000000AAA', 'id', {}],
    ['00123', 'id', {}],
    ['ana@example.com', 'email', {}],
    ['{"team":"payments"}', 'json', {}],
    ['2025-02-30', 'string', {}],
    ['2025-04-31', 'string', {}],
    // Leap days: every fourth year, but not centuries unless divisible by 400.
    ['2024-02-29', 'date', { datePattern: 'YYYY-MM-DD' }],
    ['2000-02-29', 'date', { datePattern: 'YYYY-MM-DD' }],
    ['2023-02-29', 'string', {}],
    ['1900-02-29', 'string', {}],
    ['us-east-1', 'string', {}],
    ['SKU123', 'string', {}],
    ['AmazonEC2', 'string', {}],
  ])('reads %j as %s', (value, type, format) => {
    expect(classifyValue(value)).toEqual({ type, format });
  });

  it('treats empty text and NULL as null', () => {
    expect(['', '  ', 'NULL', 'null', null, undefined].every(isNullValue)).toBe(true);
    expect(classifyValue('NULL')).toBeNull();
    expect(isNullValue('Null Island')).toBe(false);
  });
});

describe('normalizeValue', () => {
  it('turns money text into the same exact decimal as the plain number', () => {
    expect(normalizeValue('$51,130.46')).toBe('51130.46');
    expect(normalizeValue('51130.460')).toBe('51130.46');
    expect(normalizeValue('(1.234,50 €)')).toBe('-1234.5');
    expect(normalizeValue('12345678901234567890.123456789')).toBe('12345678901234567890.123456789');
  });

  it('keeps zero-padded codes and text as they are', () => {
    expect(normalizeValue('00123')).toBe('00123');
    expect(normalizeValue(' AmazonEC2 ')).toBe('AmazonEC2');
  });
});

describe('acceptorFor (the inferrer’s cheap per-value check)', () => {
  const values = [
    '0', '-0', '7', '007', '-12', '+5', '12.5', '0.5', '-0.0137', '1,234', '12,5', '1.234', '$5', '1e5', '1.', '.5', '2025-09-01', '2025-02-30',
    '2025-13-01', '0999-01-01', '2025-09-01T10:00:00Z', '01/02/2025', 'true', 'No', 'YES', 'li-000000001', 'cc-0', 'us-east-1', 'e-5',
    'arn:aws:ec2:us-east-1:111122223333:instance/i-00000000', '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b', '001A000001ABCDEFGH', 'USD 5', 'a@b.co',
    '{"a":1}', 'hello', 'NULL', '111122223333', '٣', '１２', '12\u00a0345', 'CR-2025-001', 'BoxUsage:m5.large',
  ];
  const columns: Array<[LogicalType, ColumnFormat]> = [
    ['string', {}], ['integer', {}], ['decimal', { decimalSeparator: '.' }], ['id', {}], ['boolean', {}], ['date', { datePattern: 'YYYY-MM-DD' }],
  ];

  it.each(columns)('vouches for a %s column only for values that leave its type and format unchanged', (type, format) => {
    const accepts = acceptorFor(type, format)!;
    for (const value of values) {
      if (!accepts(value) || isNullValue(value)) continue;
      const observed = classifyValue(value)!;
      expect({ value, type: joinTypes(type, observed.type) }).toEqual({ value, type });
      if (type !== 'string') expect({ value, format: { ...format, ...observed.format } }).toEqual({ value, format });
    }
  });
});
