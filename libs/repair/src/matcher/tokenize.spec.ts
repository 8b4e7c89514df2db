import { singular, tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits camelCase, snake_case, dotted and path names', () => {
    expect(tokenize('lineItem/UnblendedCost')).toEqual(['line', 'item', 'unblended', 'cost']);
    expect(tokenize('billing_period_start')).toEqual(['billing', 'period', 'start']);
    expect(tokenize('Cigarettes.per.Day')).toEqual(['cigarette', 'per', 'day']);
    expect(tokenize('MSIPCRResult')).toEqual(['msipcr', 'result']);
    expect(tokenize('Height.cm')).toEqual(['height', 'cm']);
  });

  it('expands abbreviations and drops stopwords', () => {
    expect(tokenize('acct_amt')).toEqual(['account', 'amount']);
    expect(tokenize('order_qty')).toEqual(['order', 'quantity']);
    expect(tokenize('item_desc')).toEqual(['item', 'description']);
    expect(tokenize('num_of_lines')).toEqual(['number', 'line']);
  });

  it('folds plurals', () => {
    expect(singular('costs')).toBe('cost');
    expect(singular('categories')).toBe('category');
    expect(singular('status')).toBe('status');
    expect(singular('diagnosis')).toBe('diagnosis');
  });
});
