import { embedText, LocalEmbeddingProvider } from './local-embedding.provider';

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);

describe('LocalEmbeddingProvider', () => {
  const provider = new LocalEmbeddingProvider();

  it('puts similar column names closer than unrelated ones', async () => {
    const [snake, camel, other, email] = await provider.embed(['billing_period_start', 'BillingPeriodStartDate', 'period_end', 'customer_email']);
    expect(cosine(snake, camel)).toBeGreaterThan(0.6);
    expect(cosine(snake, camel)).toBeGreaterThan(cosine(snake, other));
    expect(cosine(snake, other)).toBeGreaterThan(cosine(snake, email));
    expect(Math.abs(cosine(snake, email))).toBeLessThan(0.2);
  });

  it('sees values written the same way as similar, whatever the numbers', () => {
    const money = embedText('$51,130.46 $89,609.52');
    expect(cosine(money, embedText('$1,204.10 $77,001.99'))).toBeCloseTo(1, 5);
    expect(cosine(money, embedText('2025-06-01 2025-07-01'))).toBeLessThan(0.2);
  });

  it('is deterministic and unit-length, with a zero vector for empty text', () => {
    const a = embedText('zz_amt_7');
    expect(embedText('zz_amt_7')).toEqual(a);
    expect(cosine(a, a)).toBeCloseTo(1, 10);
    expect(embedText('').every((x) => x === 0)).toBe(true);
  });
});
