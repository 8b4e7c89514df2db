import { createApiKey, createUser, listApiKeys, listUsers, revokeApiKey, updateUser, type CreateUserDto } from '@autonomos/sdk';
import { useState, type FormEvent } from 'react';
import { call, client } from '../api';
import { Badge, Card, ErrorLine, Loading, useLoad, When } from '../ui';

const ROLES = ['admin', 'operator', 'reviewer', 'viewer'] as const;
type RoleName = (typeof ROLES)[number];

export function Users() {
  const users = useLoad(() => call(() => listUsers({ client })));
  const keys = useLoad(() => call(() => listApiKeys({ client })));
  const [error, setError] = useState<unknown>();
  const [secret, setSecret] = useState<string>();
  const run = async (fn: () => Promise<unknown>) => { setError(undefined); try { await fn(); } catch (e) { setError(e); } };
  const addUser = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const form = e.currentTarget;
    const body: CreateUserDto = { email: String(f.get('email')), password: String(f.get('password')), role: f.get('role') as RoleName };
    void run(async () => { await call(() => createUser({ client, body })); form.reset(); void users.reload(); });
  };
  const addKey = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void run(async () => { const k = await call(() => createApiKey({ client, body: { name: String(f.get('name')), role: f.get('role') as RoleName } })); setSecret(k.key); void keys.reload(); });
  };
  return (
    <>
      <h1>Users and API keys</h1>
      <ErrorLine error={error} />
      <div className="cols">
        <Card title="Users">
          <form onSubmit={addUser} className="toolbar" aria-label="Add a user">
            <label>Email<input name="email" type="email" required /></label>
            <label>Password<input name="password" type="password" required minLength={12} autoComplete="new-password" /></label>
            <label>Role<select name="role">{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
            <button type="submit">Add user</button>
          </form>
          <Loading loading={users.loading} error={users.error} />
          <table>
            <tbody>
              {users.data?.map((u) => (
                <tr key={u.id}>
                  <td>{u.email}</td>
                  <td><select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => void run(async () => { await call(() => updateUser({ client, path: { id: u.id }, body: { role: e.target.value as RoleName } })); void users.reload(); })}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></td>
                  <td>{u.disabled ? <Badge tone="red">disabled</Badge> : <Badge tone="green">active</Badge>}</td>
                  <td><button className="ghost" onClick={() => void run(async () => { await call(() => updateUser({ client, path: { id: u.id }, body: { disabled: !u.disabled } })); void users.reload(); })}>{u.disabled ? 'Enable' : 'Disable'}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="API keys">
          <form onSubmit={addKey} className="toolbar" aria-label="Create an API key">
            <label>Name<input name="name" required /></label>
            <label>Role<select name="role">{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
            <button type="submit">Create key</button>
          </form>
          {secret && <p role="status">New key (shown once): <code>{secret}</code></p>}
          <Loading loading={keys.loading} error={keys.error} />
          <table>
            <tbody>
              {keys.data?.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td><td>{k.role}</td><td>used <When at={k.lastUsedAt} /></td>
                  <td>{k.revoked ? <Badge tone="grey">revoked</Badge> : <button className="ghost" onClick={() => void run(async () => { await call(() => revokeApiKey({ client, path: { id: k.id } })); void keys.reload(); })}>Revoke</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
