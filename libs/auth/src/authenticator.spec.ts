import { JwtService } from '@nestjs/jwt';
import type { TenantDb } from '@autonomos/platform';
import { randomUUID } from 'node:crypto';
import { Authenticator } from './authenticator';

describe('Authenticator (access tokens)', () => {
  const secret = 'a-test-secret-that-is-long-enough-for-hs256';
  const options = { issuer: 'autonomos', audience: 'autonomos-api' };
  const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', ...options }, verifyOptions: { algorithms: ['HS256'], ...options } });
  const claims = { sub: randomUUID(), tid: randomUUID(), role: 'operator' };
  let authenticator: Authenticator;

  beforeEach(() => {
    authenticator = new Authenticator(jwt, {} as TenantDb);
  });
  afterEach(() => jest.useRealTimers());

  it('turns a valid token into its principal, on every request that sends it', async () => {
    const token = jwt.sign(claims, { expiresIn: 60 });
    const expected = { tenantId: claims.tid, actor: { type: 'user', id: claims.sub, role: 'operator' } };
    expect(await authenticator.fromHeaders(`Bearer ${token}`, undefined)).toEqual(expected);
    expect(await authenticator.fromHeaders(`Bearer ${token}`, undefined)).toEqual(expected);
  });

  it('refuses a token once it has expired, even one accepted before', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const token = jwt.sign(claims, { expiresIn: 60 });
    await expect(authenticator.fromAccessToken(token)).resolves.toMatchObject({ tenantId: claims.tid });
    jest.setSystemTime(new Date('2026-01-01T00:01:01Z'));
    await expect(authenticator.fromAccessToken(token)).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('refuses a tampered copy of an accepted token', async () => {
    const token = jwt.sign(claims, { expiresIn: 60 });
    await authenticator.fromAccessToken(token);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', ...options, exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    await expect(authenticator.fromAccessToken(forged)).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(authenticator.fromAccessToken(`${token}x`)).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('refuses a signed token that lacks the tenant, subject or role', async () => {
    await expect(authenticator.fromAccessToken(jwt.sign({ sub: claims.sub, role: 'admin' }, { expiresIn: 60 }))).rejects.toMatchObject({ code: 'invalid_token' });
  });
});
