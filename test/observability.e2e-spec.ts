import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { newTenant, TenantFixture } from './support/factories';
import { expectEventually } from './support/stack';

/** The api as users run it (its own process, logging at info to stdout): request logs, metrics, headers. */
describe('observability (e2e)', () => {
  const baseUrl = 'http://127.0.0.1:3191';
  let api: ChildProcess;
  let output = '';
  let acme: TenantFixture;

  beforeAll(async () => {
    const root = join(__dirname, '..');
    api = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/api/src/main.ts')], {
      cwd: root,
      env: { ...process.env, PORT: '3191', LOG_LEVEL: 'info', DISABLE_AUTO_MIGRATIONS: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    api.stdout!.on('data', (chunk) => (output += chunk));
    await expectEventually(async () => ((await fetch(`${baseUrl}/health/ready`)).ok ? true : undefined), 60_000, 200);
    acme = await newTenant(baseUrl, 'Acme');
  }, 90_000);
  afterAll(async () => {
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  });

  const logLines = () => output.split('\n').filter(Boolean).map((line) => JSON.parse(line));

  it('logs each request once, when it completes: ids, tenant, actor, status and time, with no credentials', async () => {
    const response = await fetch(`${baseUrl}/tasks/types?access_token=${acme.token}`, { headers: { authorization: `Bearer ${acme.token}`, 'x-correlation-id': 'obs-types-1' } });
    expect(response.status).toBe(200);
    const lines = await expectEventually(async () => {
      const found = logLines().filter((line) => line.reqId === 'obs-types-1');
      return found.length ? found : undefined;
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      correlationId: 'obs-types-1',
      tenantId: acme.tenantId,
      actorId: acme.adminId,
      req: { method: 'GET', url: '/tasks/types?access_token=[redacted]' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(output).not.toContain(acme.token);
  });

  it('gives a problem the request id the log line carries, and logs unauthenticated requests without a tenant', async () => {
    const response = await fetch(`${baseUrl}/tasks`, { headers: { 'x-correlation-id': 'obs-401' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ status: 401, correlationId: 'obs-401' });
    const line = await expectEventually(async () => logLines().find((entry) => entry.reqId === 'obs-401'));
    expect(line).toMatchObject({ correlationId: 'obs-401', res: { statusCode: 401 } });
    expect(line).not.toHaveProperty('tenantId');
  });

  it('does not log liveness probes', async () => {
    await fetch(`${baseUrl}/health/live`, { headers: { 'x-correlation-id': 'obs-live' } });
    await fetch(`${baseUrl}/health/ready`, { headers: { 'x-correlation-id': 'obs-ready' } });
    await expectEventually(async () => logLines().find((entry) => entry.reqId === 'obs-ready'));
    expect(logLines().find((entry) => entry.reqId === 'obs-live')).toBeUndefined();
  });

  it('sends the security headers on every response', async () => {
    for (const path of ['/health/live', '/tasks', '/docs']) {
      const { headers } = await fetch(`${baseUrl}${path}`);
      expect(headers.get('content-security-policy')).toContain(`default-src 'self'`);
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('strict-transport-security')).toContain('max-age=');
    }
  });

  it('counts requests by route and status in the Prometheus metrics', async () => {
    await fetch(`${baseUrl}/tasks/${acme.tenantId}`, { headers: { authorization: `Bearer ${acme.token}` } });
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/tasks\/types",status="200"\} [1-9]/);
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/tasks\/:id",status="404"\} 1/);
  });
});
