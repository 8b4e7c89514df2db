import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id at OWASP parameters and verifies', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(stored, 'correct horse battery')).resolves.toBe(true);
    await expect(verifyPassword(stored, 'wrong')).resolves.toBe(false);
  });

  it('spends the same work when there is no user', async () => {
    const stored = await hashPassword('x');
    const time = async (fn: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - start);
    };
    await verifyPassword(undefined, 'warm-up');
    const miss = await time(() => verifyPassword(undefined, 'guess'));
    const hit = await time(() => verifyPassword(stored, 'guess'));
    // Both run a full argon2id verification; neither is an order of magnitude cheaper.
    expect(miss).toBeGreaterThan(hit / 5);
  });
});
