import { ESTATE_SCANNED_AT, generateEstate, scoreAsset } from '@autonomos/aoa';
import { decideReviewItem, demoScan, discoverAssets, getAoaStatus, listAssets, listReviewItems, startPipelineRun, type AssetDto, type Client } from '@autonomos/sdk';
import { randomUUID } from 'node:crypto';
import type { FakeAod } from './support/fake-aod';
import type { TenantFixture } from './support/factories';
import type { Stack } from './support/stack';

const TIMEOUT_MS = 1500;

/** Every asset of the tenant, following the cursor. */
async function allAssets(client: Client, level?: 'high' | 'medium' | 'low'): Promise<AssetDto[]> {
  const assets: AssetDto[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await listAssets({ client, query: { limit: 500, ...(level ? { level } : {}), ...(cursor ? { cursor } : {}) } });
    if (!data) throw new Error(JSON.stringify(error));
    assets.push(...data.items);
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return assets;
}

async function pendingAssetItems(client: Client) {
  const { data } = await listReviewItems({ client, query: { kind: 'asset', status: 'pending', limit: 200 } });
  return data!.items;
}

describe('AOA discovery and demo scan (e2e, fake AOD)', () => {
  let fake: FakeAod;
  let stack: Stack;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let operator: { client: Client };
  let reviewer: { id: string; client: Client };
  let viewer: { client: Client };

  beforeAll(async () => {
    const { startFakeAod } = await import('./support/fake-aod');
    fake = await startFakeAod({ slowMs: 10_000 });
    // The config is read when the app module loads: set it first, then load the stack.
    Object.assign(process.env, { AOD_BASE_URL: fake.url, AOD_TIMEOUT_MS: String(TIMEOUT_MS), AOD_RETRIES: '2', AOD_DASHBOARD_URL: 'http://aod.example.test/ui' });
    const { startStack } = await import('./support/stack');
    const { newTenant, newUser } = await import('./support/factories');
    stack = await startStack({ worker: false });
    [acme, globex] = await Promise.all([newTenant(stack.baseUrl, 'Acme'), newTenant(stack.baseUrl, 'Globex')]);
    [operator, reviewer, viewer] = await Promise.all([newUser(stack.baseUrl, acme, 'operator'), newUser(stack.baseUrl, acme, 'reviewer'), newUser(stack.baseUrl, acme, 'viewer')]);
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.mode = 'ok';
    fake.failNext(0);
  });

  it('discovers the assets of a natural-language request, with their risk and recommendations, under the caller’s correlation id', async () => {
    const correlationId = `discover-${randomUUID()}`;
    const { data, response } = await discoverAssets({ client: operator.client, body: { query: '  customer databases with personal data  ' }, headers: { 'x-correlation-id': correlationId } });
    expect(response.status).toBe(200);
    expect(data!.correlationId).toBe(correlationId);
    expect(fake.requests.at(-1)).toEqual({ correlationId, body: { tenantId: acme.tenantId, scope: 'query', query: 'customer databases with personal data' } });
    expect(data!.assets.length).toBeGreaterThan(0);
    for (const asset of data!.assets) expect(asset.risk).toEqual(scoreAsset(asset as never, ESTATE_SCANNED_AT));

    const actions = new Set(data!.recommendations.map((r) => r.action));
    expect(actions).toEqual(new Set(['review_asset', 'connect_source']));
    const review = data!.recommendations.find((r) => r.action === 'review_asset')!;
    expect(review.riskLevel).not.toBe('low');
    expect(review.link).toBe(`http://aod.example.test/ui/assets/${review.assetId}`);
    const connect = data!.recommendations.find((r) => r.action === 'connect_source')!;
    expect(['postgres', 'supabase', 'salesforce', 'mongodb', 'filesource']).toContain(connect.connectionKind);

    // Stored once per AOD asset id: asking again changes nothing in the count.
    const stored = await allAssets(acme.client);
    expect(stored.map((a) => a.id).sort()).toEqual(data!.assets.map((a) => a.id).sort());
    await discoverAssets({ client: operator.client, body: { query: 'customer databases with personal data' } });
    expect(await allAssets(acme.client)).toHaveLength(stored.length);
  });

  it('refuses bad input naming the field, without calling AOD', async () => {
    const before = fake.requests.length;
    const cases: [unknown, string][] = [
      [{ query: '' }, 'query'],
      [{ query: '    ' }, 'query'],
      [{ query: 'x'.repeat(501) }, 'query'],
      [{ query: 42 }, 'query'],
      [{}, 'query'],
      [{ query: 'databases', scope: 'full' }, 'scope'],
    ];
    for (const [body, field] of cases) {
      const { error, response } = await discoverAssets({ client: acme.client, body: body as never });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect((error as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    }
    expect(fake.requests.length).toBe(before);
  });

  it('lets only admins and operators run discoveries, scans and runs', async () => {
    for (const user of [viewer, reviewer]) {
      expect((await discoverAssets({ client: user.client, body: { query: 'databases' } })).response.status).toBe(403);
      expect((await demoScan({ client: user.client })).response.status).toBe(403);
      expect((await startPipelineRun({ client: user.client, body: {} })).response.status).toBe(403);
      expect((await getAoaStatus({ client: user.client })).response.status).toBe(200);
      expect((await listAssets({ client: user.client })).response.status).toBe(200);
    }
    expect((await getAoaStatus({ client: operator.client })).response.status).toBe(200);
  });

  describe('when AOD misbehaves, answers 502/504 saying which, and stores nothing', () => {
    let tenant: TenantFixture;
    beforeAll(async () => {
      const { newTenant } = await import('./support/factories');
      tenant = await newTenant(stack.baseUrl, 'Faults');
    });
    afterEach(async () => expect(await allAssets(tenant.client)).toEqual([]));

    it('down: 502 unreachable, after its retries', async () => {
      fake.mode = 'down';
      const { error, response } = await discoverAssets({ client: tenant.client, body: { query: 'databases' } });
      expect(response.status).toBe(502);
      expect(error).toMatchObject({ status: 502, code: 'aod_unreachable', detail: expect.stringContaining('unreachable') });
      expect((error as { detail: string }).detail).toContain('3 attempt(s)');
      expect((await demoScan({ client: tenant.client })).error).toMatchObject({ status: 502, code: 'aod_unreachable' });
    });

    it('slow: 504 timed out, within AOD_TIMEOUT_MS', async () => {
      fake.mode = 'slow';
      const started = Date.now();
      const { error, response } = await discoverAssets({ client: tenant.client, body: { query: 'databases' } });
      expect(response.status).toBe(504);
      expect(error).toMatchObject({ status: 504, code: 'aod_timeout', detail: expect.stringContaining(`did not answer within ${TIMEOUT_MS} ms`) });
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    });

    it('off-contract: 502 naming the wrong field, never retried', async () => {
      fake.mode = 'off_contract';
      const before = fake.requests.length;
      const { error, response } = await discoverAssets({ client: tenant.client, body: { query: 'databases' } });
      expect(response.status).toBe(502);
      expect(error).toMatchObject({ code: 'aod_off_contract', detail: expect.stringContaining('assets[0].exposure'), errors: [{ field: 'assets[0].exposure', message: expect.any(String) }] });
      expect(fake.requests.length).toBe(before + 1);
      expect((await demoScan({ client: tenant.client })).error).toMatchObject({ status: 502, code: 'aod_off_contract' });
    });

    it('a 4xx: 502 refused, never retried; a 5xx: retried', async () => {
      let before = fake.requests.length;
      fake.failNext(5, 400);
      expect((await discoverAssets({ client: tenant.client, body: { query: 'databases' } })).error).toMatchObject({ status: 502, code: 'aod_rejected' });
      expect(fake.requests.length).toBe(before + 1);

      before = fake.requests.length;
      fake.failNext(3, 503);
      expect((await discoverAssets({ client: tenant.client, body: { query: 'databases' } })).error).toMatchObject({ status: 502, code: 'aod_failed' });
      expect(fake.requests.length).toBe(before + 3);
    });

    it('a transient 5xx that clears within the retries: answered normally', async () => {
      fake.failNext(2, 503);
      const { data, response } = await discoverAssets({ client: tenant.client, body: { query: 'zzz-matches-nothing' } });
      expect(response.status).toBe(200);
      expect(data!.assets).toEqual([]);
    });
  });

  it('demo scan: stores the estate with levels that follow from the attributes, the same twice, and queues high and medium assets for review', async () => {
    const estate = generateEstate();
    const expected = new Map(estate.map((a) => [a.id, scoreAsset(a, ESTATE_SCANNED_AT).level]));
    const first = await demoScan({ client: globex.client });
    expect(first.response.status).toBe(200);
    expect(first.data).toMatchObject({
      total: 200,
      levels: { high: { count: 30, percent: 15 }, medium: { count: 48, percent: 24 }, low: { count: 122, percent: 61 } },
      reviews: { requested: 78, alreadyQueued: 0 },
    });
    const stored = await allAssets(globex.client);
    expect(stored).toHaveLength(200);
    for (const asset of stored) expect(asset.risk.level).toBe(expected.get(asset.id));
    expect((await allAssets(globex.client, 'high')).every((a) => a.reviewItemId)).toBe(true);
    expect((await allAssets(globex.client, 'low')).every((a) => a.reviewItemId === null)).toBe(true);

    const second = await demoScan({ client: globex.client });
    expect(second.data).toMatchObject({ total: 200, levels: first.data!.levels, reviews: { requested: 0, alreadyQueued: 78 } });
    const again = await allAssets(globex.client);
    expect(again.map((a) => [a.id, a.risk])).toEqual(stored.map((a) => [a.id, a.risk]));
    expect(await pendingAssetItems(globex.client)).toHaveLength(78);

    const status = (await getAoaStatus({ client: globex.client })).data!;
    expect(status.assets).toEqual({ total: 200, high: 30, medium: 48, low: 122 });
    expect(status.reviews).toMatchObject({ pending: 78, byKind: { asset: 78 } });
  });

  it('demo scan: pages through an estate larger than one AOD page and stores every asset once', async () => {
    const big = generateEstate(1_234, 11);
    const { newTenant } = await import('./support/factories');
    const tenant = await newTenant(stack.baseUrl, 'Big estate');
    fake.estate = big;
    try {
      const before = fake.requests.length;
      const scan = await demoScan({ client: tenant.client });
      expect(scan.response.status).toBe(200);
      expect(scan.data!.total).toBe(1_234);
      const pages = fake.requests.slice(before).map((r) => r.body as { scope: string; cursor?: string; limit: number });
      expect(pages.map((p) => p.cursor)).toEqual([undefined, '500', '1000']);
      expect(pages.every((p) => p.scope === 'full' && p.limit === 500)).toBe(true);
      const stored = await allAssets(tenant.client);
      expect(stored.map((a) => a.id).sort()).toEqual(big.map((a) => a.id).sort());
      const { high, medium } = scan.data!.levels;
      expect(scan.data!.reviews.requested).toBe(high.count + medium.count);
    } finally {
      fake.estate = generateEstate();
    }
  });

  it('asset items are decided in the HITL queue: approve, reject, flag; never by their requester, never edited', async () => {
    await demoScan({ client: acme.client });
    const items = await pendingAssetItems(acme.client);
    expect(items.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = items;
    expect(a).toMatchObject({ kind: 'asset', requestedBy: { id: acme.adminId } });
    expect(a.payload).toMatchObject({ assetId: expect.any(String), riskScore: expect.any(Number), factors: expect.any(Array) });
    expect((await allAssets(acme.client)).find((asset) => asset.id === a.payload.assetId)!.reviewItemId).toBe(a.id);

    expect((await decideReviewItem({ client: acme.client, path: { id: a.id }, body: { decision: 'approve' } })).response.status).toBe(403);
    const edited = await decideReviewItem({ client: reviewer.client, path: { id: a.id }, body: { decision: 'approve', edited: { risk: 'low' } } });
    expect(edited.response.status).toBe(400);

    expect((await decideReviewItem({ client: reviewer.client, path: { id: a.id }, body: { decision: 'approve', reason: 'known, accepted' } })).data).toMatchObject({ status: 'approved' });
    expect((await decideReviewItem({ client: reviewer.client, path: { id: b.id }, body: { decision: 'reject', reason: 'retire it' } })).data).toMatchObject({ status: 'rejected' });
    expect((await decideReviewItem({ client: reviewer.client, path: { id: c.id }, body: { decision: 'flag' } })).data).toMatchObject({ status: 'flagged' });
    expect((await pendingAssetItems(acme.client)).map((item) => item.id)).not.toEqual(expect.arrayContaining([a.id, b.id, c.id]));

    // A later scan queues none of them again.
    expect((await demoScan({ client: acme.client })).data!.reviews.requested).toBe(0);
  });

  it('keeps each tenant’s assets, reviews and status to itself', async () => {
    const { newTenant } = await import('./support/factories');
    const stranger = await newTenant(stack.baseUrl, 'Stranger');
    expect(await allAssets(stranger.client)).toEqual([]);
    expect(await pendingAssetItems(stranger.client)).toEqual([]);
    const status = (await getAoaStatus({ client: stranger.client })).data!;
    expect(status).toMatchObject({ connections: [], assets: { total: 0, high: 0, medium: 0, low: 0 }, reviews: { pending: 0 }, drift: { open: 0 }, lastRun: null });
    expect(status.llm).toMatchObject({ enabled: false, callsToday: 0 });
  });
});
