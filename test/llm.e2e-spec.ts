import { getLlmTelemetry, matchColumns, rememberMapping, type MatchRequestDto } from '@autonomos/sdk';
import { Client as PgClient } from 'pg';
import { ChatRequest, FakeOpenAi, startFakeOpenAi } from './support/fake-openai';
import type { TenantFixture } from './support/factories';
import type { Stack } from './support/stack';

// The LLM scores this field high and every other low, so its opinion is visible in the evidence.
const FAVOURED = 'EffectiveCost';
const BODY: MatchRequestDto = {
  source: { columns: [{ name: 'zz_amt_7', samples: ['$51,130.46', '$89,609.52'] }, { name: 'currency', samples: ['USD'] }] },
  target: { entity: 'CostLineItem' },
};

function scoreCandidates(request: ChatRequest) {
  const prompt = JSON.parse(request.messages.at(-1)!.content) as { candidates: Array<{ candidate: number; name: string }> };
  return { scores: prompt.candidates.map((c) => ({ candidate: c.candidate, score: c.name === FAVOURED ? 0.9 : 0.1 })) };
}

describe('LLM gateway (e2e, fake OpenAI-compatible server)', () => {
  let fake: FakeOpenAi;
  let stack: Stack;
  let acme: TenantFixture;
  let globex: TenantFixture;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    fake.answer = scoreCandidates;
    // The config is read when the app module loads: set it first, then load the stack.
    Object.assign(process.env, {
      DEV_MODE: 'true',
      LLM_PROVIDER: 'openai',
      LLM_BASE_URL: fake.url,
      LLM_API_KEY: 'test-key',
      LLM_MODEL: 'fake-model',
      LLM_TIMEOUT_MS: '3000',
      LLM_MAX_RETRIES: '1',
      LLM_TENANT_DAILY_TOKENS: '500',
      EMBEDDINGS_BASE_URL: fake.url,
      EMBEDDINGS_MODEL: 'fake-embedding',
    });
    const { startStack } = await import('./support/stack');
    const { newTenant } = await import('./support/factories');
    stack = await startStack({ worker: false });
    [acme, globex] = await Promise.all([newTenant(stack.baseUrl, 'Acme'), newTenant(stack.baseUrl, 'Globex')]);
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.reset();
    fake.answer = scoreCandidates;
  });

  const telemetry = async (tenant: TenantFixture) => (await getLlmTelemetry({ client: tenant.client })).data!;

  it('re-ranks the top candidates with the LLM and counts calls and tokens for the caller’s tenant only', async () => {
    expect((await telemetry(acme)).status).toEqual({ enabled: true, provider: 'openai', model: 'fake-model' });
    const { data } = await matchColumns({ client: acme.client, body: BODY });
    expect(data!.llm).toEqual({ used: true });
    expect(fake.requests.chat).toBe(2); // one call per column
    expect(fake.chatBodies[0].tools?.[0].function.name).toBe('score_candidates');
    expect(fake.chatBodies[0].messages.at(-1)!.content).toContain('$51,130.46');

    // Its opinion is blended with the heuristics: only the top 5 are scored, each as the fake said.
    const scored = data!.columns[0].candidates.filter((c) => c.evidence.llm !== null);
    expect(scored.length).toBe(5);
    for (const c of scored) expect(c.evidence.llm).toBe(c.target === FAVOURED ? 0.9 : 0.1);

    const [today] = (await telemetry(acme)).days;
    expect(today).toMatchObject({ calls: 2, failures: 0, overBudget: 0, promptTokens: 240, completionTokens: 60 });
    expect((await telemetry(acme)).tokensLeftToday).toBe(500 - 300);
    const theirs = await telemetry(globex);
    expect(theirs.days[0]).toMatchObject({ calls: 0, failures: 0, promptTokens: 0, completionTokens: 0 });
    expect(theirs.days).toHaveLength(7);
  });

  it('answers from heuristics when the LLM times out, waits for it once, and counts the failure', async () => {
    const heuristic = await matchColumns({ client: acme.client, body: { ...BODY, useLlm: false } });
    expect(heuristic.data!.llm).toEqual({ used: false, reason: 'not_requested' });
    expect(fake.requests.chat).toBe(0);

    const before = (await telemetry(acme)).days[0];
    fake.mode = 'slow';
    fake.slowMs = 10_000;
    const started = Date.now();
    const { data, response } = await matchColumns({ client: acme.client, body: BODY });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(6_000); // one 3 s deadline, not one per column
    expect(data!.llm).toEqual({ used: false, reason: 'call_failed_or_skipped' });
    expect(data!.columns).toEqual(heuristic.data!.columns);
    const after = (await telemetry(acme)).days[0];
    expect(after.calls - before.calls).toBe(1);
    expect(after.failures - before.failures).toBe(1);
    expect(after.promptTokens).toBe(before.promptTokens);
  });

  it('retries a failing provider once, then falls back and counts one failed call', async () => {
    const before = (await telemetry(acme)).days[0];
    fake.mode = 'fail';
    const { data } = await matchColumns({ client: acme.client, body: BODY });
    expect(data!.llm.used).toBe(false);
    expect(fake.requests.chat).toBe(2); // first try + LLM_MAX_RETRIES
    const after = (await telemetry(acme)).days[0];
    expect([after.calls - before.calls, after.failures - before.failures]).toEqual([1, 1]);
  });

  it('stops calling the LLM once the tenant’s daily token budget is spent', async () => {
    await matchColumns({ client: acme.client, body: BODY }); // 300 + 2 × 150 tokens: past the 500 budget
    expect(fake.requests.chat).toBe(2);
    const spent = await telemetry(acme);
    expect(spent.tokensLeftToday).toBe(0);

    const { data } = await matchColumns({ client: acme.client, body: BODY });
    expect(fake.requests.chat).toBe(2);
    expect(data!.llm).toEqual({ used: false, reason: 'call_failed_or_skipped' });
    expect((await telemetry(acme)).days[0].overBudget - spent.days[0].overBudget).toBe(1);
  });

  it('stays off for a tenant that turned it off in its settings', async () => {
    const pg = new PgClient({ connectionString: process.env.DATABASE_OWNER_URL });
    await pg.connect();
    await pg.query(`UPDATE tenants SET settings = '{"llm":{"enabled":false}}' WHERE id = $1`, [globex.tenantId]);
    await pg.end();
    const { data } = await matchColumns({ client: globex.client, body: BODY });
    expect(data!.llm).toEqual({ used: false, reason: 'tenant_disabled' });
    expect(fake.requests.chat).toBe(0);
    expect((await telemetry(globex)).status).toEqual({ enabled: false, reason: 'tenant_disabled' });
  });

  it('embeds memories through the configured embeddings endpoint and recalls them', async () => {
    const stored = await rememberMapping({ client: acme.client, body: { source: { column: 'zz_amt_7', samples: ['$1,000.00', '$12,345.67'] }, target: { entity: 'CostLineItem', field: FAVOURED } } });
    expect(stored.response.status).toBe(201);
    expect(fake.requests.embeddings).toBe(1);
    const { data } = await matchColumns({ client: acme.client, body: { ...BODY, useLlm: false } });
    expect(data!.columns[0].candidates[0]).toMatchObject({ target: FAVOURED, evidence: { memory: expect.any(Number) } });
    expect(fake.requests.embeddings).toBe(2);
  });

  it('refuses bad telemetry parameters', async () => {
    for (const days of [0, 91, 'x']) {
      const { response, error } = await getLlmTelemetry({ client: acme.client, query: { days: days as number } });
      expect(response.status).toBe(400);
      expect(new Set((error as { errors: { field: string }[] }).errors.map((e) => e.field))).toEqual(new Set(['days']));
    }
  });
});
