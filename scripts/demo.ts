// `make demo`: creates the database and .env if missing, migrates, starts api and worker in the
// background, and drives the main flow through the SDK, printing each step and where to look.
import { createClient, createTask, getTask, login, me, register } from '@autonomos/sdk';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..');
const STATE = join(ROOT, '.demo');
const PORT = Number(process.env.PORT ?? 3000);
const BASE_URL = `http://127.0.0.1:${PORT}`;

const step = (text: string) => console.log(`\n▸ ${text}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ensureEnvFile(): void {
  const file = join(ROOT, '.env');
  if (existsSync(file)) return;
  writeFileSync(file, `# written by make demo: local secrets, never commit\nJWT_SECRET=${randomBytes(32).toString('hex')}\nENCRYPTION_KEY=${randomBytes(32).toString('base64')}\n`);
  console.log('wrote .env with fresh JWT_SECRET and ENCRYPTION_KEY');
}

function loadEnvFile(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(join(ROOT, '.env'), 'utf8').split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2];
  }
  return env;
}

async function ensureDatabase(ownerUrl: string): Promise<void> {
  const url = new URL(ownerUrl);
  const database = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) {
    await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    console.log(`created database ${database}`);
  }
  await admin.end();
}

function stopRunning(): void {
  for (const name of ['api', 'worker']) {
    const pidFile = join(STATE, `${name}.pid`);
    if (!existsSync(pidFile)) continue;
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
      console.log(`stopped ${name}`);
    } catch {
      /* already gone */
    }
  }
}

function start(name: 'api' | 'worker', env: NodeJS.ProcessEnv): number {
  const log = openSync(join(STATE, `${name}.log`), 'a');
  const child = spawn(process.execPath, [join(ROOT, `dist/apps/${name}/src/main.js`)], { env, detached: true, stdio: ['ignore', log, log] });
  child.unref();
  closeSync(log);
  writeFileSync(join(STATE, `${name}.pid`), String(child.pid));
  return child.pid!;
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const response = await fetch(`${BASE_URL}/health/ready`).catch(() => undefined);
    if (response?.ok) return;
    await sleep(500);
  }
  throw new Error(`the api did not become ready; see ${join(STATE, 'api.log')}`);
}

function bar(percent: number): string {
  const width = 30;
  const filled = Math.round((percent / 100) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%`;
}

async function main(): Promise<void> {
  mkdirSync(STATE, { recursive: true });
  if (process.argv.includes('--stop')) return stopRunning();

  step('configuration');
  ensureEnvFile();
  const env: NodeJS.ProcessEnv = { ...process.env, ...loadEnvFile(), PORT: String(PORT) };
  const ownerUrl = env.DATABASE_OWNER_URL ?? 'postgres://postgres@127.0.0.1:5432/autonomos';
  await ensureDatabase(ownerUrl);

  step('starting api (migrates at boot) and worker');
  stopRunning();
  const apiPid = start('api', env);
  await waitReady();
  const workerPid = start('worker', env);
  console.log(`api pid ${apiPid}, worker pid ${workerPid}; logs in .demo/`);

  step('registering a tenant and its admin');
  const anonymous = createClient({ baseUrl: BASE_URL });
  const email = `admin-${randomUUID().slice(0, 8)}@demo.test`;
  const password = `demo-${randomBytes(6).toString('hex')}`;
  const registered = await register({ client: anonymous, body: { tenantName: 'Demo Corp', email, password } });
  if (!registered.data) throw new Error(`register failed: ${JSON.stringify(registered.error)}`);
  console.log(`tenant ${registered.data.tenantId}, admin ${email} / ${password}`);

  step('signing in');
  const session = await login({ client: anonymous, body: { email, password } });
  const client = createClient({ baseUrl: BASE_URL, headers: { authorization: `Bearer ${session.data!.accessToken}` } });
  const principal = (await me({ client })).data!;
  console.log(`signed in as ${principal.user?.email} (${principal.actor.role}) of ${principal.tenant.name}`);

  step('running a task through the worker');
  const task = (await createTask({ client, body: { type: 'demo.echo', payload: { message: 'hello from the demo', steps: 10, stepMs: 150 } } })).data!;
  let current = task;
  while (!['succeeded', 'failed', 'cancelled'].includes(current.status)) {
    await sleep(100);
    current = (await getTask({ client, path: { id: task.id } })).data!;
    process.stdout.write(`\r  ${bar(current.progress)} ${current.status.padEnd(9)} ${current.progressMessage ?? ''}   `);
  }
  console.log(`\n  task ${current.id} ${current.status} after ${current.attempts} attempt(s): ${JSON.stringify(current.result)}`);

  step('where to look');
  console.log(`  Swagger UI:   ${BASE_URL}/docs`);
  console.log(`  OpenAPI:      ${BASE_URL}/openapi.json`);
  console.log(`  Readiness:    ${BASE_URL}/health/ready`);
  console.log(`  Metrics:      ${BASE_URL}/metrics`);
  console.log(`  Logs:         .demo/api.log, .demo/worker.log`);
  console.log(`  Stop:         make stop`);
  if (current.status !== 'succeeded') process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(`demo failed: ${error.message}`);
  process.exit(1);
});
