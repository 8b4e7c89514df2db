import {
  createConnection,
  decideReviewItem,
  getReviewItem,
  getTask,
  listAudit,
  listEntityRows,
  getViewRows,
  refreshView,
  listMappings,
  listNotifications,
  listReviewItems,
  rollbackMapping,
  runSaga,
  setMapping,
  setRepairPolicy,
  setSlackWebhook,
  syncConnection,
  getMappingHistory,
  type Client,
  type ReviewItemDto,
} from '@autonomos/sdk';
import { AppConfig } from '@autonomos/platform';
import { mappingFields, SAMPLE_MAPPINGS, sharedPath } from '@autonomos/testing';
import { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { startFakeSlack, FakeSlack } from './support/fake-slack';
import { newTenant, newUser, TenantFixture } from './support/factories';
import { expectEventually, spawnWorker, Stack, startStack } from './support/stack';

jest.setTimeout(180_000);

const V1_FIELDS = mappingFields(SAMPLE_MAPPINGS.costReports);

describe('drift → repair → review → replay (e2e)', () => {
  let stack: Stack;
  let owner: PgClient;
  let slack: FakeSlack;
  let acme: TenantFixture;
  let other: TenantFixture;
  let reviewer: { id: string; client: Client };
  let viewer: { client: Client };
  let connectionId: string;
  let worker: ChildProcess;
  let item: ReviewItemDto;

  const task = async (client: Client, id: string) =>
    expectEventually(async () => {
      const { data } = await getTask({ client, path: { id } });
      if (data?.status === 'failed') throw new Error(`task failed: ${data.error}`);
      return data?.status === 'succeeded' ? data : undefined;
    }, 60_000);
  const sql = async (text: string, params: unknown[] = []) => (await owner.query(text, params)).rows;
  const activeMapping = async () => (await listMappings({ client: acme.client, query: { connectionId } })).data![0];

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    owner = new PgClient({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    slack = await startFakeSlack();
    acme = await newTenant(stack.baseUrl, 'Acme');
    other = await newTenant(stack.baseUrl, 'Other');
    reviewer = await newUser(stack.baseUrl, acme, 'reviewer');
    viewer = await newUser(stack.baseUrl, acme, 'viewer');
    worker = spawnWorker();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await slack.close();
    await owner.end();
    await stack.close();
  });

  it('holds back the drifted file, repairs the mapping (confident renames itself, money by a reviewer), replays every row once, and rolls back', async () => {
    const client = acme.client;
    expect((await setSlackWebhook({ client, body: { webhookUrl: slack.url } })).data).toMatchObject({ configured: true });
    await setRepairPolicy({ client, body: { autoApplyThreshold: 0.9, breakingNeedsReview: false } });

    const dir = join(stack.api.get(AppConfig).get('FILESOURCE_ROOT'), acme.tenantId, 'costs');
    mkdirSync(dir, { recursive: true });
    copyFileSync(sharedPath('data', 'filesource', 'cost_reports.csv'), join(dir, 'cost_reports.csv'));
    const connection = await createConnection({
      client,
      body: { name: 'costs', kind: 'filesource', config: { path: 'costs/cost_reports.csv', keyColumns: ['report_id'] }, contracts: { cost_reports: { mode: 'discard_row' } } },
    });
    connectionId = connection.data!.id;
    const sync = async () => (await task(client, (await syncConnection({ client, path: { id: connectionId }, body: { mode: 'full' } })).data!.id)).result as Record<string, unknown>;
    expect(await sync()).toMatchObject({ written: 5, quarantined: 0 });

    // The stream's first mapping, set by an operator.
    const set = await setMapping({ client, body: { connectionId, stream: 'cost_reports', entity: 'CostLineItem', fields: V1_FIELDS } });
    expect(set.response.status).toBe(200);
    const mappingId = set.data!.mapping!.mappingId;

    // The source drifts: the contract holds every drifted row back.
    copyFileSync(sharedPath('data', 'filesource', 'cost_reports_drifted.csv'), join(dir, 'cost_reports.csv'));
    expect(await sync()).toMatchObject({ written: 0, quarantined: 5 });

    // An operator's drift scan raises the drift; the worker is killed while the saga runs, and restarted.
    const scan = await runSaga({ client, path: { name: 'drift-scan' }, body: { connectionId } });
    expect(scan.response.status).toBe(202);
    const scanned = await task(client, scan.data!.id);
    expect((scanned.result as { drifts: number }).drifts).toBe(1);
    worker.kill('SIGKILL');
    worker = spawnWorker();

    item = await expectEventually(async () => (await listReviewItems({ client, query: { status: 'pending', kind: 'mapping' } })).data!.items[0], 60_000);
    const detail = (await getReviewItem({ client: reviewer.client, path: { id: item.id } })).data!;
    const payload = detail.payload as { changes: Array<{ column: string; action: string; transform: unknown }>; proposals: Array<{ evidence: object }>; sampleRows: Array<{ before: object; after: object }> };
    expect(payload.changes).toContainEqual(expect.objectContaining({ column: 'cost_usd', action: 'transform', transform: { kind: 'money_to_decimal' } }));
    expect(payload.proposals[0].evidence).toBeDefined();
    expect(payload.sampleRows[0]).toEqual({ before: { cost_usd: '$51,130.46' }, after: { BilledCost: '51130.46' } });
    expect(detail).toMatchObject({ risk: 'high', requestedBy: { type: 'system' } });

    // The confident renames applied themselves, without the money transform.
    const auto = await expectEventually(async () => {
      const mapping = await activeMapping();
      return mapping.version === 2 ? mapping : undefined;
    });
    const sources = auto.fields.map((f) => f.source);
    expect(sources).toEqual(expect.arrayContaining(['billing_period_start', 'billing_period_end', 'service_name', 'cost_usd', 'currency']));
    expect(sources).not.toContain('amount');
    expect(auto.fields.find((f) => f.source === 'cost_usd')!.transform).toBeNull();

    // Slack heard of the breaking drift and the review, with a link to the item.
    await expectEventually(async () => (slack.received.some((m) => m.text.includes(`/hitl/items/${item.id}`)) ? true : undefined));
    expect(slack.received.some((m) => m.text.includes('Breaking schema drift'))).toBe(true);

    // Who may decide, and what is refused with nothing changed.
    const approve = (c: Client, body: object = {}) => decideReviewItem({ client: c, path: { id: item.id }, body: { decision: 'approve', reason: 'money is money', ...body } });
    expect((await approve(viewer.client)).response.status).toBe(403);
    expect((await getReviewItem({ client: other.client, path: { id: item.id } })).response.status).toBe(404);
    expect((await approve(other.client)).response.status).toBe(404);
    const unknownField = await approve(reviewer.client, { edited: { changes: [{ column: 'cost_usd', target: 'NoSuchField' }] } });
    expect(unknownField.response.status).toBe(400);
    expect(unknownField.error).toMatchObject({ errors: [expect.objectContaining({ field: 'edited.changes[0].target' })] });
    const failing = await approve(reviewer.client, { edited: { changes: [{ column: 'cost_usd', target: 'BilledCost', transform: { kind: 'to_integer' } }] } });
    expect(failing.response.status).toBe(400);
    expect(failing.error).toMatchObject({ errors: [expect.objectContaining({ field: 'edited.changes[0].transform', message: expect.stringContaining('$51,130.46') })] });
    expect((await getReviewItem({ client, path: { id: item.id } })).data!.status).toBe('pending');

    // Two reviewers at once: one wins, the other gets a 409.
    const [a, b] = await Promise.all([approve(reviewer.client), approve(client)]);
    expect([a.response.status, b.response.status].sort()).toEqual([200, 409]);
    expect((await approve(reviewer.client)).response.status).toBe(409);

    // Applied once; the held-back rows replayed through it; every drifted row present once.
    const reviewed = await expectEventually(async () => {
      const mapping = await activeMapping();
      return mapping.version === 3 ? mapping : undefined;
    });
    expect(reviewed.fields.find((f) => f.source === 'cost_usd')).toMatchObject({ target: 'BilledCost', transform: { kind: 'money_to_decimal' } });
    await expectEventually(async () => ((await sql('SELECT count(*)::int AS n FROM aam_quarantine WHERE connection_id = $1 AND replayed_at IS NULL', [connectionId]))[0].n === 0 ? true : undefined));
    const events = await sql(`SELECT payload FROM aam_events WHERE connection_id = $1 AND payload::jsonb ? 'cost_usd'`, [connectionId]);
    expect(events.map((e) => e.payload.report_id).sort()).toEqual(['CR-2025-001', 'CR-2025-002', 'CR-2025-003', 'CR-2025-004', 'CR-2025-005']);
    const mappedSources = new Set(reviewed.fields.map((f) => f.source));
    for (const { payload: row } of events) expect(Object.keys(row).filter((column) => mappedSources.has(column)).length).toBeGreaterThanOrEqual(5);

    // Nothing applied twice, despite the killed worker and the recovery's re-deliveries.
    const versions = await sql('SELECT change, count(*)::int AS n FROM mapping_versions WHERE mapping_id = $1 GROUP BY change ORDER BY change', [mappingId]);
    expect(versions).toEqual([{ change: 'auto_apply', n: 1 }, { change: 'review', n: 1 }, { change: 'set', n: 1 }]);
    expect((await sql('SELECT count(*)::int AS n FROM review_items WHERE tenant_id = $1', [acme.tenantId]))[0].n).toBe(1);

    const audit = (await listAudit({ client, query: {} })).data!.items.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['policy.updated', 'mapping.set', 'mapping.auto_applied', 'review.requested', 'review.approved', 'mapping.approved']));
    const approval = (await listAudit({ client, query: { action: 'review.approved' } })).data!.items[0];
    expect(approval).toMatchObject({ subjectId: item.id, before: { status: 'pending' }, after: { status: 'approved' } });
    expect(approval.correlationId).toEqual(expect.any(String));

    // The DCL maps the replayed rows through the reviewed mapping: exact decimals from "$51,130.46".
    const entityRows = await expectEventually(async () => {
      const { data } = await listEntityRows({ client, path: { entity: 'CostLineItem' }, query: { connectionId } });
      return data && data.items.length === 5 && data.items.every((row) => row.mappingVersion === 3) ? data.items : undefined;
    }, 60_000);
    expect(entityRows.find((row) => row.recordKey === 'CR-2025-001')!.fields.BilledCost).toBe('51130.46');
    const refresh = (await refreshView({ client, path: { name: 'cost_by_service_month' }, body: { full: true } })).data!;
    await task(client, refresh.id);
    const viewRows = (await getViewRows({ client, path: { name: 'cost_by_service_month' }, query: { limit: 100 } })).data!.items;
    expect(viewRows).toContainEqual(expect.objectContaining({ month: '2025-06', service_name: 'AmazonEC2', billed_cost: '51130.46' }));

    // Rollback restores the version before.
    const rolled = await rollbackMapping({ client, path: { id: mappingId }, body: {} });
    expect(rolled.data).toMatchObject({ version: 4, fields: auto.fields });
    const history = (await getMappingHistory({ client, path: { id: mappingId } })).data!;
    expect(history.map((v) => [v.version, v.change, v.active])).toEqual([[4, 'rollback', true], [3, 'review', false], [2, 'auto_apply', false], [1, 'set', false]]);
    expect((await listNotifications({ client, query: { status: 'sent' } })).data!.length).toBeGreaterThanOrEqual(2);
  });

  it('with "breaking changes need a person", holds even confident renames for review, and the audit log filters what happened', async () => {
    const strict = await newTenant(stack.baseUrl, 'Strict');
    const strictReviewer = await newUser(stack.baseUrl, strict, 'reviewer');
    const client = strict.client;
    await setRepairPolicy({ client, body: { autoApplyThreshold: 0.5, breakingNeedsReview: true } });
    const dir = join(stack.api.get(AppConfig).get('FILESOURCE_ROOT'), strict.tenantId, 'costs');
    mkdirSync(dir, { recursive: true });
    copyFileSync(sharedPath('data', 'filesource', 'cost_reports.csv'), join(dir, 'cost_reports.csv'));
    const created = await createConnection({ client, body: { name: 'costs', kind: 'filesource', config: { path: 'costs/cost_reports.csv', keyColumns: ['report_id'] } } });
    const strictConnection = created.data!.id;
    await task(client, (await syncConnection({ client, path: { id: strictConnection }, body: { mode: 'full' } })).data!.id);
    const mappingId = (await setMapping({ client, body: { connectionId: strictConnection, stream: 'cost_reports', entity: 'CostLineItem', fields: V1_FIELDS } })).data!.mapping!.mappingId;
    copyFileSync(sharedPath('data', 'filesource', 'cost_reports_drifted.csv'), join(dir, 'cost_reports.csv'));
    await task(client, (await runSaga({ client, path: { name: 'drift-scan' }, body: { connectionId: strictConnection } })).data!.id);

    // Everything, renames included, waits for a person; nothing applied itself.
    const review = await expectEventually(async () => (await listReviewItems({ client, query: { status: 'pending', kind: 'mapping' } })).data!.items[0], 60_000);
    const changes = ((await getReviewItem({ client, path: { id: review.id } })).data!.payload as { changes: Array<{ column: string; action: string }> }).changes;
    expect(changes).toEqual(expect.arrayContaining([expect.objectContaining({ column: 'service_name', action: 'map' }), expect.objectContaining({ column: 'cost_usd', action: 'transform' })]));
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // would an auto-apply still follow?
    const versions = async () => (await getMappingHistory({ client, path: { id: mappingId } })).data!.map((v) => v.change);
    expect(await versions()).toEqual(['set']);
    expect((await listAudit({ client, query: { action: 'mapping.auto_applied' } })).data!.items).toEqual([]);

    const decided = await decideReviewItem({ client: strictReviewer.client, path: { id: review.id }, body: { decision: 'approve', reason: 'checked the renames' } });
    expect(decided.error).toBeUndefined();
    await expectEventually(async () => ((await versions())[0] === 'review' ? true : undefined));
    const reviewed = (await getMappingHistory({ client, path: { id: mappingId } })).data![0];
    expect(reviewed.fields).toContainEqual(expect.objectContaining({ source: 'cost_usd', target: 'BilledCost', transform: { kind: 'money_to_decimal' } }));
    expect(reviewed.fields.map((f) => f.source)).not.toContain('amount');

    // The audit log, filtered.
    const byReviewer = (await listAudit({ client, query: { actorId: strictReviewer.id } })).data!.items;
    expect(byReviewer.length).toBeGreaterThan(0);
    expect(byReviewer.every((e) => e.actor.id === strictReviewer.id)).toBe(true);
    expect(byReviewer.map((e) => e.action)).toContain('review.approved');
    const onReview = (await listAudit({ client, query: { subjectType: 'review_item', subjectId: review.id } })).data!.items;
    expect(onReview.map((e) => e.action).sort()).toEqual(['review.approved', 'review.requested']);
    expect((await listAudit({ client, query: { since: new Date(Date.now() + 60_000).toISOString() } })).data!.items).toEqual([]);
    const firstPage = (await listAudit({ client, query: { limit: 2 } })).data!;
    const secondPage = (await listAudit({ client, query: { limit: 2, cursor: firstPage.nextCursor! } })).data!;
    expect(firstPage.items).toHaveLength(2);
    expect(secondPage.items.length).toBeGreaterThan(0);
    expect(secondPage.items.filter((e) => firstPage.items.some((f) => f.id === e.id))).toEqual([]);
    expect((await listAudit({ client: acme.client, query: { subjectId: review.id } })).data!.items).toEqual([]);
    const badSince = await listAudit({ client, query: { since: 'yesterday' as never } });
    expect(badSince.response.status).toBe(400);
    expect(badSince.error).toMatchObject({ errors: [expect.objectContaining({ field: 'since' })] });
  });

  it('refuses self-approval: a person who requested a change cannot approve it', async () => {
    const requested = await setMapping({ client: acme.client, body: { connectionId, stream: 'cost_reports', entity: 'CostLineItem', fields: [{ source: 'report_id', target: 'ChargeDescription' }], review: true } });
    expect(requested.response.status).toBe(202);
    const id = requested.data!.reviewItemId!;
    const self = await decideReviewItem({ client: acme.client, path: { id }, body: { decision: 'approve' } });
    expect(self.response.status).toBe(403);
    expect(self.error).toMatchObject({ code: 'self_approval_forbidden' });
    expect((await decideReviewItem({ client: reviewer.client, path: { id }, body: { decision: 'reject', reason: 'not a description' } })).data).toMatchObject({ status: 'rejected' });
  });

  it('re-runs a step whose event was relayed but never handled (a worker died), changing nothing twice', async () => {
    const [drift] = await sql(`SELECT payload FROM outbox_events WHERE tenant_id = $1 AND event_type = 'aam.schema_drift_detected'`, [acme.tenantId]);
    // What a relay that published and then died leaves behind: a published event no saga step finished.
    const [{ id }] = await sql(
      `INSERT INTO outbox_events (tenant_id, aggregate_type, aggregate_id, event_type, payload, published_at) VALUES ($1, 'connection', $2, 'aam.schema_drift_detected', $3, now() - interval '1 hour') RETURNING id`,
      [acme.tenantId, drift.payload.driftId, drift.payload],
    );
    await expectEventually(async () => ((await sql('SELECT status FROM saga_inbox WHERE outbox_id = $1', [id]))[0]?.status === 'done' ? true : undefined));
    expect((await sql('SELECT count(*)::int AS n FROM mapping_repairs WHERE tenant_id = $1', [acme.tenantId]))[0].n).toBe(1);
    expect((await sql(`SELECT count(*)::int AS n FROM review_items WHERE tenant_id = $1 AND kind = 'mapping' AND subject_key LIKE 'repair:%'`, [acme.tenantId]))[0].n).toBe(1);
  });
});
