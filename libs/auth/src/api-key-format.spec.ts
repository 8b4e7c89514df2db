import { randomUUID } from 'node:crypto';
import { formatApiKey, parseApiKey } from './api-key-format';

describe('api key format', () => {
  it('round-trips the id and secret', () => {
    const id = randomUUID();
    const secret = 'a'.repeat(43);
    expect(parseApiKey(formatApiKey(id, secret))).toEqual({ id, secret });
  });

  it.each(['', 'aos_', 'Bearer x', `aos_${'g'.repeat(32)}_${'a'.repeat(43)}`, `aos_${'a'.repeat(32)}_short`])('rejects %p', (key) => {
    expect(parseApiKey(key)).toBeUndefined();
  });
});
