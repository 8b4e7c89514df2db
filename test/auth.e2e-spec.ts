import { createApiKey, listApiKeys, listUsers, login, logout, me, refresh, register, revokeApiKey, updateUser, deleteUser } from '@autonomos/sdk';
import { sign } from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { newTenant, newUser, PASSWORD, TenantFixture } from './support/factories';
import { sdk, Stack, startStack } from './support/stack';

describe('auth (e2e)', () => {
  let stack: Stack;
  let acme: TenantFixture;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    acme = await newTenant(stack.baseUrl, 'Acme');
  });
  afterAll(() => stack.close());

  const raw = (path: string, init: RequestInit = {}) => fetch(`${stack.baseUrl}${path}`, init);

  it('registers a tenant whose admin is signed in', async () => {
    const { data } = await me({ client: acme.client });
    expect(data).toMatchObject({ tenant: { id: acme.tenantId, name: 'Acme' }, actor: { type: 'user', role: 'admin' }, user: { email: acme.email } });
  });

  it('refuses a second registration with the same email, changing nothing', async () => {
    const { response, error } = await register({ client: sdk(stack.baseUrl), body: { tenantName: 'Copy', email: acme.email.toUpperCase(), password: PASSWORD } });
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'email_taken', errors: [{ field: 'email' }] });
  });

  it('signs in, and answers a wrong password and an unknown email alike', async () => {
    const ok = await login({ client: sdk(stack.baseUrl), body: { email: acme.email, password: PASSWORD } });
    expect(ok.data?.accessToken).toBeTruthy();
    const wrong = await login({ client: sdk(stack.baseUrl), body: { email: acme.email, password: 'not the password' } });
    const unknown = await login({ client: sdk(stack.baseUrl), body: { email: `nobody-${randomUUID()}@example.test`, password: 'whatever' } });
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(wrong.error).toMatchObject({ code: 'invalid_credentials', detail: 'Email or password is wrong' });
    expect((unknown.error as { detail: string }).detail).toBe((wrong.error as { detail: string }).detail);
  });

  it('rate-limits sign-in per account, with Retry-After', async () => {
    const target = await newTenant(stack.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { response } = await login({ client: sdk(stack.baseUrl), body: { email: target.email, password: 'wrong password' } });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await login({ client: sdk(stack.baseUrl), body: { email: target.email, password: PASSWORD } });
    expect(blocked.response.status).toBe(429);
    expect(Number(blocked.response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rotates refresh tokens and revokes the family when an old one is replayed', async () => {
    const tenant = await newTenant(stack.baseUrl);
    const first = await refresh({ client: sdk(stack.baseUrl), body: { refreshToken: tenant.refreshToken } });
    expect(first.response.status).toBe(200);
    const next = first.data!.refreshToken;
    expect(next).not.toBe(tenant.refreshToken);

    const replay = await refresh({ client: sdk(stack.baseUrl), body: { refreshToken: tenant.refreshToken } });
    expect(replay.response.status).toBe(401);
    expect(replay.error).toMatchObject({ code: 'refresh_token_reused' });
    // The thief's replay ended the legitimate session too.
    const afterReuse = await refresh({ client: sdk(stack.baseUrl), body: { refreshToken: next } });
    expect(afterReuse.response.status).toBe(401);
  });

  it('logs out: the refresh token stops working', async () => {
    const tenant = await newTenant(stack.baseUrl);
    const out = await logout({ client: tenant.client, body: { refreshToken: tenant.refreshToken } });
    expect(out.response.status).toBe(204);
    const again = await refresh({ client: sdk(stack.baseUrl), body: { refreshToken: tenant.refreshToken } });
    expect(again.response.status).toBe(401);
  });

  describe('access tokens', () => {
    const claims = () => ({ sub: acme.adminId, tid: acme.tenantId, role: 'admin' });
    const secret = () => process.env.JWT_SECRET!;
    const options = { issuer: 'autonomos', audience: 'autonomos-api' };
    const unsigned = (payload: object) =>
      `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

    it.each([
      ['missing', undefined],
      ['garbage', 'Bearer not-a-jwt'],
      ['expired', () => `Bearer ${sign({ ...claims(), exp: Math.floor(Date.now() / 1000) - 60 }, secret(), options)}`],
      ['signed with another key', () => `Bearer ${sign(claims(), 'another-key-another-key-another-key', { ...options, expiresIn: 60 })}`],
      ['alg none', () => `Bearer ${unsigned({ ...claims(), iss: 'autonomos', aud: 'autonomos-api', exp: Math.floor(Date.now() / 1000) + 60 })}`],
      ['for another audience', () => `Bearer ${sign(claims(), secret(), { issuer: 'autonomos', audience: 'someone-else', expiresIn: 60 })}`],
      ['from another issuer', () => `Bearer ${sign(claims(), secret(), { issuer: 'evil', audience: 'autonomos-api', expiresIn: 60 })}`],
    ])('refuses a %s token with a 401 problem', async (_name, header) => {
      const value = typeof header === 'function' ? header() : header;
      const response = await raw('/auth/me', { headers: value ? { authorization: value } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 401, code: 'invalid_token', correlationId: expect.any(String) });
    });
  });

  describe('users and roles', () => {
    it('lets each role do what it may, and refuses the rest with 403', async () => {
      const viewer = await newUser(stack.baseUrl, acme, 'viewer');
      const operator = await newUser(stack.baseUrl, acme, 'operator');
      const reviewer = await newUser(stack.baseUrl, acme, 'reviewer');
      for (const who of [viewer, operator, reviewer]) {
        const { response, error } = await listUsers({ client: who.client });
        expect(response.status).toBe(403);
        expect(error).toMatchObject({ code: 'forbidden' });
        expect((await me({ client: who.client })).response.status).toBe(200);
      }
      expect((await listUsers({ client: acme.client })).data?.map((user) => user.email)).toEqual(
        expect.arrayContaining([viewer.email, operator.email, reviewer.email, acme.email]),
      );
    });

    it('disables a user: their sign-in and refresh stop', async () => {
      const user = await newUser(stack.baseUrl, acme, 'operator');
      const session = await login({ client: sdk(stack.baseUrl), body: { email: user.email, password: PASSWORD } });
      const changed = await updateUser({ client: acme.client, path: { id: user.id }, body: { disabled: true } });
      expect(changed.data).toMatchObject({ disabled: true });
      expect((await login({ client: sdk(stack.baseUrl), body: { email: user.email, password: PASSWORD } })).response.status).toBe(401);
      expect((await refresh({ client: sdk(stack.baseUrl), body: { refreshToken: session.data!.refreshToken } })).response.status).toBe(401);
    });

    it('changes a role and deletes a user', async () => {
      const user = await newUser(stack.baseUrl, acme, 'viewer');
      expect((await updateUser({ client: acme.client, path: { id: user.id }, body: { role: 'reviewer' } })).data?.role).toBe('reviewer');
      expect((await deleteUser({ client: acme.client, path: { id: user.id } })).response.status).toBe(204);
      expect((await deleteUser({ client: acme.client, path: { id: user.id } })).response.status).toBe(404);
    });

    it('stops an admin from locking themselves out', async () => {
      for (const body of [{ disabled: true }, { role: 'viewer' as const }]) {
        const { response, error } = await updateUser({ client: acme.client, path: { id: acme.adminId }, body });
        expect(response.status).toBe(409);
        expect(error).toMatchObject({ code: 'self_lockout' });
      }
      expect((await deleteUser({ client: acme.client, path: { id: acme.adminId } })).response.status).toBe(409);
    });
  });

  describe('API keys', () => {
    it('creates a key shown once, authenticates with it, lists it without the secret, and revokes it', async () => {
      const created = await createApiKey({ client: acme.client, body: { name: 'ci', role: 'operator' } });
      expect(created.response.status).toBe(201);
      const key = created.data!.key;
      const asKey = sdk(stack.baseUrl, { apiKey: key });
      expect((await me({ client: asKey })).data).toMatchObject({ actor: { type: 'api_key', role: 'operator' }, user: null, tenant: { id: acme.tenantId } });

      const listed = await listApiKeys({ client: acme.client });
      const secret = /^aos_[0-9a-f]{32}_(.+)$/.exec(key)![1];
      expect(JSON.stringify(listed.data)).not.toContain(secret);
      expect(listed.data?.find((item) => item.id === created.data!.id)).toMatchObject({ name: 'ci', revoked: false });

      expect((await revokeApiKey({ client: acme.client, path: { id: created.data!.id } })).response.status).toBe(204);
      expect((await me({ client: asKey })).response.status).toBe(401);
    });

    it('refuses a malformed or unknown key', async () => {
      for (const key of ['aos_nope', `aos_${'0'.repeat(32)}_${'a'.repeat(43)}`]) {
        expect((await me({ client: sdk(stack.baseUrl, { apiKey: key }) })).response.status).toBe(401);
      }
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 for another tenant's users and keys, and lists only one's own", async () => {
      const globex = await newTenant(stack.baseUrl, 'Globex');
      const acmeUser = await newUser(stack.baseUrl, acme, 'viewer');
      const acmeKey = await createApiKey({ client: acme.client, body: { name: 'acme-key', role: 'viewer' } });

      expect((await updateUser({ client: globex.client, path: { id: acmeUser.id }, body: { role: 'admin' } })).response.status).toBe(404);
      expect((await deleteUser({ client: globex.client, path: { id: acmeUser.id } })).response.status).toBe(404);
      expect((await revokeApiKey({ client: globex.client, path: { id: acmeKey.data!.id } })).response.status).toBe(404);
      expect((await listUsers({ client: globex.client })).data?.map((user) => user.email)).toEqual([globex.email]);
      expect((await listApiKeys({ client: globex.client })).data).toEqual([]);
      // Still intact for its owner.
      expect((await listUsers({ client: acme.client })).data?.find((user) => user.id === acmeUser.id)?.role).toBe('viewer');
    });
  });

  describe('bad input', () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      raw(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

    async function expectProblem(response: Response, status: number, field?: string) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = await response.json();
      expect(body).toMatchObject({ status, type: expect.stringContaining('/problems/'), title: expect.any(String), detail: expect.any(String), correlationId: expect.any(String) });
      if (field) expect(body.errors.map((error: { field: string }) => error.field)).toContain(field);
      return body;
    }

    it('malformed JSON', async () => {
      await expectProblem(await post('/auth/login', '{"email": '), 400);
    });

    it('wrong types, unknown fields, weak passwords, bad emails — each naming its field', async () => {
      await expectProblem(await post('/auth/login', JSON.stringify({ email: 42, password: 'x' })), 400, 'email');
      await expectProblem(await post('/auth/login', JSON.stringify({ email: 'a@b.test', password: 'x', admin: true })), 400, 'admin');
      await expectProblem(await post('/auth/register', JSON.stringify({ tenantName: 'T', email: 'new@x.test', password: 'short' })), 400, 'password');
      await expectProblem(await post('/auth/register', JSON.stringify({ tenantName: 'T', email: 'not-an-email', password: PASSWORD })), 400, 'email');
      await expectProblem(await post('/auth/refresh', JSON.stringify({ refreshToken: 'nope' })), 400, 'refreshToken');
    });

    it('an oversized body is a 413', async () => {
      await expectProblem(await post('/auth/login', JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2_000_000) })), 413);
    });

    it('an invalid UUID in the path is a 400, not a database error', async () => {
      const response = await raw('/users/not-a-uuid', { method: 'PATCH', body: '{}', headers: { authorization: `Bearer ${acme.token}`, 'content-type': 'application/json' } });
      await expectProblem(response, 400, 'id');
    });

    it('a user creation with bad input creates nothing', async () => {
      const before = (await listUsers({ client: acme.client })).data!.length;
      const response = await raw('/users', {
        method: 'POST',
        body: JSON.stringify({ email: 'x@y.test', password: PASSWORD, role: 'superuser' }),
        headers: { authorization: `Bearer ${acme.token}`, 'content-type': 'application/json' },
      });
      await expectProblem(response, 400, 'role');
      expect((await listUsers({ client: acme.client })).data!.length).toBe(before);
    });

    it('an unknown route is a 404 problem', async () => {
      await expectProblem(await raw('/nowhere', { headers: { authorization: `Bearer ${acme.token}` } }), 404);
    });
  });
});
