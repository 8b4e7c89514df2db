import { createUser, login, register, type Client } from '@autonomos/sdk';
import { randomUUID } from 'node:crypto';
import { sdk } from './stack';

export const PASSWORD = 'correct horse battery staple';

export interface TenantFixture {
  tenantId: string;
  adminId: string;
  email: string;
  token: string;
  refreshToken: string;
  client: Client;
}

/** Registers a new tenant with its admin, through the public API. */
export async function newTenant(baseUrl: string, name = 'Tenant'): Promise<TenantFixture> {
  const email = `admin-${randomUUID()}@example.test`;
  const { data, error } = await register({ client: sdk(baseUrl), body: { tenantName: name, email, password: PASSWORD } });
  if (!data) throw new Error(`register failed: ${JSON.stringify(error)}`);
  return { tenantId: data.tenantId, adminId: data.userId, email, token: data.accessToken, refreshToken: data.refreshToken, client: sdk(baseUrl, { token: data.accessToken }) };
}

/** Adds a user with a role to the tenant and signs them in. */
export async function newUser(baseUrl: string, tenant: TenantFixture, role: 'admin' | 'operator' | 'reviewer' | 'viewer') {
  const email = `${role}-${randomUUID()}@example.test`;
  const created = await createUser({ client: tenant.client, body: { email, password: PASSWORD, role } });
  if (!created.data) throw new Error(`createUser failed: ${JSON.stringify(created.error)}`);
  const session = await login({ client: sdk(baseUrl), body: { email, password: PASSWORD } });
  if (!session.data) throw new Error(`login failed: ${JSON.stringify(session.error)}`);
  return { id: created.data.id, email, token: session.data.accessToken, client: sdk(baseUrl, { token: session.data.accessToken }) };
}
