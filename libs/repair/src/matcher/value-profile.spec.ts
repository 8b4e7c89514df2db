import { detectPattern, profileValues } from './value-profile';

describe('value patterns', () => {
  it.each([
    ['arn:aws:ec2:us-east-1:111122223333:instance/i-0abc', 'arn'],
    ['2025-06-01', 'date'],
    ['06/01/2025', 'date'],
    ['2025-09-01T00:00:00Z', 'timestamp'],
    ['2024-01-01T10:00:00.000+0000', 'timestamp'],
    ['USD', 'currency_code'],
    ['jane@acme.example', 'email'],
    ['123e4567-e89b-12d3-a456-426614174000', 'uuid'],
    ['$51,130.46', 'money'],
    ['€1.234,56', 'money'],
    ['(12.00)', 'money'],
    ['51130.46', 'decimal'],
    ['111122223333', 'integer'],
    ['yes', 'boolean'],
    ['12.5%', 'percent'],
    ['https://www.acme.example', 'url'],
    ['AmazonEC2', 'text'],
    ['  ', 'empty'],
  ])('%s is %s', (value, pattern) => {
    expect(detectPattern(value)).toBe(pattern);
  });

  it('profiles a column by its dominant pattern, with amounts compared by value', () => {
    const money = profileValues(['$51,130.46', '$89,609.52', '']);
    expect(money.pattern).toBe('money');
    expect([...money.distinct]).toEqual(['51130.46', '89609.52']);
    expect(profileValues(['1', '2.5', '3']).pattern).toBe('decimal');
    expect(profileValues(['Male', 'female', '12']).pattern).toBe('text');
    expect(profileValues([]).pattern).toBe('empty');
  });
});
