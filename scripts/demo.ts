// `make demo`: creates the database and .env if missing, migrates, starts api and worker in the
// background, and drives the main flow through the SDK, printing each step and where to look.
import {
  createClient,
  createConnection,
  createTask,
  createUser,
  decideReviewItem,
  demoScan,
  getDrift,
  getFinopsSummary,
  getRevopsSummary,
  getTask,
  getViewRows,
  listDrifts,
  listEntityRows,
  listMappings,
  listReviewItems,
  login,
  me,
  refreshView,
  register,
  setMapping,
  setRepairPolicy,
  uploadConnectionFile,
  type Client,
  type TaskDto,
} from '@autonomos/sdk';
import { mappingFields, SAMPLE_MAPPINGS, sharedPath } from '@autonomos/testing';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Client as PgClient } from 'pg';

const ROOT = join(__dirname, '..');
const STATE = join(ROOT, '.demo');
const PORT = Number(process.env.PORT ?? 3000);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const AOD_PORT = Number(process.env.DEMO_AOD_PORT ?? 8010);

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
  const admin = new PgClient({ connectionString: url.toString() });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) {
    await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    console.log(`created database ${database}`);
  }
  await admin.end();
}

function stopRunning(): void {
  for (const name of ['api', 'worker', 'fake-aod']) {
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

function start(name: 'api' | 'worker' | 'fake-aod', env: NodeJS.ProcessEnv): number {
  const log = openSync(join(STATE, `${name}.log`), 'a');
  // The bundled fake AOS Discover service stands in for the real one (AOD_BASE_URL).
  const args = name === 'fake-aod' ? ['-r', '@swc-node/register', join(ROOT, 'libs/aoa/src/demo/fake-aod.server.ts'), String(AOD_PORT)] : [join(ROOT, `dist/apps/${name}/src/main.js`)];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', log, log] });
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

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function waitTask(client: Client, id: string, label: string): Promise<TaskDto> {
  let task = (await getTask({ client, path: { id } })).data!;
  while (!['succeeded', 'failed', 'cancelled'].includes(task.status)) {
    await sleep(150);
    task = (await getTask({ client, path: { id } })).data!;
    process.stdout.write(`\r  ${label.padEnd(28)} ${bar(task.progress)} ${task.status.padEnd(9)}`);
  }
  process.stdout.write('\n');
  if (task.status !== 'succeeded') throw new Error(`${label} ${task.status}: ${task.error}`);
  return task;
}

/** Prints the tenant's live events (SSE) as they arrive, until aborted. */
function watchEvents(token: string, signal: AbortSignal, seen: Map<string, number>): void {
  void (async () => {
    const response = await fetch(`${BASE_URL}/events/stream?topics=drift.*,repair.*,mapping.*,review.*,views.*`, { headers: { authorization: `Bearer ${token}` }, signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
        buffer = buffer.slice(end + 2);
        if (!data) continue;
        const type = (JSON.parse(data.slice(6)) as { type: string }).type;
        // Print each kind of event the first few times; a demo scan raises dozens of review requests.
        seen.set(type, (seen.get(type) ?? 0) + 1);
        if (seen.get(type)! <= 3) console.log(`  ⚡ live event: ${type}`);
      }
    }
  })().catch(() => undefined);
}

async function connectFile(client: Client, name: string, keyColumn: string, file: string, mapping: Record<string, string>, entity: string, domain?: 'finops' | 'revops') {
  const connection = (await createConnection({ client, body: { name, kind: 'filesource', config: { keyColumns: [keyColumn] }, ...(domain ? { domain } : {}) } })).data!;
  const upload = await uploadConnectionFile({ client, path: { id: connection.id }, body: { file: new File([readFileSync(file)], basename(file), { type: 'text/csv' }) } });
  if (!upload.data) throw new Error(`upload of ${basename(file)} failed: ${JSON.stringify(upload.error)}`);
  const set = await setMapping({ client, body: { connectionId: connection.id, stream: upload.data.stream, entity, fields: mappingFields(mapping) } });
  if (!set.data) throw new Error(`mapping of ${name} failed: ${JSON.stringify(set.error)}`);
  console.log(`  ${name.padEnd(14)} ${connection.domain.padEnd(7)} ${basename(file).padEnd(26)} ${String(upload.data.written).padStart(4)} events → ${entity} (mapping v${set.data.mapping?.version})`);
  return { connection, stream: upload.data.stream };
}

/** Entity rows the DCL consumers have written so far (for one connection, or all). */
async function entityRows(client: Client, entity: string, connectionId?: string) {
  const rows = [];
  let cursor: string | undefined;
  do {
    const { data } = await listEntityRows({ client, path: { entity }, query: { limit: 500, ...(cursor ? { cursor } : {}), ...(connectionId ? { connectionId } : {}) } });
    rows.push(...(data?.items ?? []));
    cursor = data?.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

async function refreshViews(client: Client, views: string[]): Promise<void> {
  for (const view of views) {
    const task = (await refreshView({ client, path: { name: view }, body: { full: true } })).data!;
    await waitTask(client, task.id, `refresh ${view}`);
  }
}

async function printCostByServiceMonth(client: Client, title: string): Promise<void> {
  const rows = (await getViewRows({ client, path: { name: 'cost_by_service_month' }, query: { limit: 100, sort: 'billed_cost', order: 'desc' } })).data!.items;
  console.log(`  ${title}: ${rows.length} rows; top 5 by billed cost:`);
  for (const row of rows.slice(0, 5)) console.log(`    ${String(row.month).padEnd(12)} ${String(row.service_name).padEnd(22)} ${String(row.billed_cost).padStart(16)}`);
}

async function main(): Promise<void> {
  mkdirSync(STATE, { recursive: true });
  if (process.argv.includes('--stop')) return stopRunning();

  step('configuration');
  ensureEnvFile();
  const env: NodeJS.ProcessEnv = { AOD_BASE_URL: `http://127.0.0.1:${AOD_PORT}`, ...process.env, ...loadEnvFile(), PORT: String(PORT) };
  const ownerUrl = env.DATABASE_OWNER_URL ?? 'postgres://postgres@127.0.0.1:5432/autonomos';
  await ensureDatabase(ownerUrl);

  step('starting the api (migrates at boot), a worker and the bundled fake AOS Discover service');
  stopRunning();
  start('fake-aod', env);
  const apiPid = start('api', env);
  await waitReady();
  const workerPid = start('worker', env);
  console.log(`  api pid ${apiPid}, worker pid ${workerPid}, fake AOD on ${env.AOD_BASE_URL}; logs in .demo/`);

  step('registering a tenant, its admin and a reviewer');
  const anonymous = createClient({ baseUrl: BASE_URL });
  const suffix = randomUUID().slice(0, 8);
  const email = `admin-${suffix}@demo.test`;
  const password = `demo-${randomBytes(6).toString('hex')}`;
  const registered = await register({ client: anonymous, body: { tenantName: 'Demo Corp', email, password } });
  if (!registered.data) throw new Error(`register failed: ${JSON.stringify(registered.error)}`);
  const client = createClient({ baseUrl: BASE_URL, headers: { authorization: `Bearer ${registered.data.accessToken}` } });
  const principal = (await me({ client })).data!;
  const reviewerEmail = `reviewer-${suffix}@demo.test`;
  await createUser({ client, body: { email: reviewerEmail, password, role: 'reviewer' } });
  const reviewerSession = (await login({ client: anonymous, body: { email: reviewerEmail, password } })).data!;
  const reviewer = createClient({ baseUrl: BASE_URL, headers: { authorization: `Bearer ${reviewerSession.accessToken}` } });
  console.log(`  tenant ${principal.tenant.name} (${principal.tenant.id})`);
  console.log(`  admin ${email} / ${password}; reviewer ${reviewerEmail} / ${password}`);
  const events = new AbortController();
  const seen = new Map<string, number>();
  watchEvents(registered.data.accessToken, events.signal, seen);

  step('a task through the worker');
  const task = (await createTask({ client, body: { type: 'demo.echo', payload: { message: 'hello from the demo', steps: 10, stepMs: 100 } } })).data!;
  const done = await waitTask(client, task.id, 'demo.echo');
  console.log(`  result: ${JSON.stringify(done.result)}`);

  step('connecting the FinOps and RevOps samples (upload → canonical events → audit trail → Redis Stream → DCL)');
  await setRepairPolicy({ client, body: { autoApplyThreshold: 0.9, breakingNeedsReview: false } });
  const costs = await connectFile(client, 'cost reports', 'report_id', sharedPath('data', 'filesource', 'cost_reports.csv'), SAMPLE_MAPPINGS.costReports, 'CostLineItem');
  await connectFile(client, 'aws cur', 'identity/LineItemId', sharedPath('data', 'finops', 'aws_cur_2025-09.csv'), SAMPLE_MAPPINGS.awsCur, 'CostLineItem');
  await connectFile(client, 'inventory', 'resource_id', sharedPath('data', 'filesource', 'aws_resources.csv'), SAMPLE_MAPPINGS.awsResources, 'CloudResource');
  await connectFile(client, 'hubspot deals', 'hs_object_id', sharedPath('data', 'revops', 'hubspot_deals.csv'), SAMPLE_MAPPINGS.hubspotDeals, 'Opportunity', 'revops');

  step('materialising the unified views (DuckDB → PostgreSQL)');
  // The DCL consumers read the streams and write canonical entity rows through each mapping.
  for (const [entity, expected] of [['CostLineItem', 245], ['CloudResource', 10], ['Opportunity', 40]] as const) {
    await until(`${expected} ${entity} rows`, async () => ((await entityRows(client, entity)).length >= expected ? true : undefined));
    console.log(`  ${entity}: ${expected} entity rows`);
  }
  await refreshViews(client, ['cost_by_service_month', 'resources_with_cost', 'cost_anomalies', 'pipeline_by_stage', 'win_rate_by_owner']);
  await printCostByServiceMonth(client, 'cost_by_service_month');

  step('the cost report source drifts: columns renamed, money now text such as "$51,130.46"');
  const drifted = await uploadConnectionFile({
    client,
    path: { id: costs.connection.id },
    query: { stream: costs.stream },
    body: { file: new File([readFileSync(sharedPath('data', 'filesource', 'cost_reports_drifted.csv'))], 'cost_reports_drifted.csv', { type: 'text/csv' }) },
  });
  if (!drifted.data) throw new Error(`drifted upload failed: ${JSON.stringify(drifted.error)}`);
  const drift = await until('the drift', async () => (await listDrifts({ client, query: { connectionId: costs.connection.id } })).data?.items[0]);
  const diff = (await getDrift({ client, path: { id: drift.id } })).data!;
  console.log(`  drift v${diff.fromVersion} → v${diff.toVersion}${diff.breaking ? ' (breaking)' : ''}:`);
  for (const change of diff.changes) console.log(`    ${JSON.stringify(change).slice(0, 150)}`);

  step('repair: confident changes apply themselves, the rest wait for a reviewer');
  const item = await until('a review item', async () => (await listReviewItems({ client: reviewer, query: { status: 'pending', kind: 'mapping' } })).data?.items[0]);
  const auto = await until('the auto-applied mapping', async () => {
    const mapping = (await listMappings({ client, query: { connectionId: costs.connection.id } })).data?.[0];
    return mapping && mapping.version >= 2 ? mapping : undefined;
  });
  console.log(`  auto-applied: mapping v${auto.version} (${auto.fields.map((f) => `${f.source}→${f.target}`).join(', ')})`);
  console.log(`  waiting for review: "${item.title}" (risk ${item.risk})`);
  const decided = await decideReviewItem({ client: reviewer, path: { id: item.id }, body: { decision: 'approve', reason: 'approved in the demo' } });
  console.log(`  reviewer approved: ${decided.response.status === 200 ? 'ok' : JSON.stringify(decided.error)}`);
  const repaired = await until('the reviewed mapping', async () => {
    const mapping = (await listMappings({ client, query: { connectionId: costs.connection.id } })).data?.[0];
    return mapping && mapping.version > auto.version ? mapping : undefined;
  });
  const money = repaired.fields.find((f) => f.target === 'BilledCost');
  console.log(`  mapping v${repaired.version}: ${money?.source} → BilledCost with ${JSON.stringify(money?.transform)}`);

  step('views after the repair: the drifted rows are in, converted');
  // Records that could not be mapped after the drift waited; the new mapping version replays them.
  const replayed = await until('the drifted rows', async () => {
    const rows = await entityRows(client, 'CostLineItem', costs.connection.id);
    return rows.length === 5 && rows.every((row) => row.mappingVersion >= repaired.version) ? rows : undefined;
  });
  const sample = replayed.find((row) => row.recordKey === 'CR-2025-001');
  console.log(`  ${replayed.length} drifted cost reports mapped at v${repaired.version}; CR-2025-001 BilledCost = ${sample?.fields.BilledCost} (the file says "$51,130.46")`);
  await refreshViews(client, ['cost_by_service_month']);
  await printCostByServiceMonth(client, 'cost_by_service_month');

  step('pilot summaries');
  console.log(`  FinOps: ${(await getFinopsSummary({ client })).data?.narrative}`);
  console.log(`  RevOps: ${(await getRevopsSummary({ client })).data?.narrative}`);

  step('demo scan against the bundled AOS Discover estate');
  const scan = (await demoScan({ client })).data!;
  console.log(`  ${scan.total} assets: ${JSON.stringify(scan.levels)}; review items: ${JSON.stringify(scan.reviews)}`);
  await sleep(500);
  events.abort();
  console.log(`  live events received: ${[...seen].map(([type, count]) => `${type} × ${count}`).join(', ')}`);

  step('where to look');
  console.log(`  Console:      ${BASE_URL}/console/ (sign in as the admin or reviewer above)`);
  console.log(`  Swagger UI:   ${BASE_URL}/docs`);
  console.log(`  OpenAPI:      ${BASE_URL}/openapi.json`);
  console.log(`  Readiness:    ${BASE_URL}/health/ready`);
  console.log(`  Metrics:      ${BASE_URL}/metrics`);
  console.log(`  Live events:  ${BASE_URL}/events/stream (Bearer token) and ws://127.0.0.1:${PORT}/events/ws`);
  console.log(`  Logs:         .demo/api.log, .demo/worker.log, .demo/fake-aod.log`);
  console.log(`  Stop:         make stop`);
}

main().catch((error: Error) => {
  console.error(`demo failed: ${error.message}`);
  process.exit(1);
});
