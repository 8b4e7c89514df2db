import { getLlmTelemetry, matchColumns } from '@autonomos/sdk';
import { FakeGemini, GeminiRequest, startFakeGemini } from './support/fake-gemini';
import type { TenantFixture } from './support/factories';
import type { Stack } from './support/stack';

// The LLM scores this field high and every other low, so its opinion is visible in the evidence.
const FAVOURED = 'EffectiveCost';

function scoreCandidates(request: GeminiRequest) {
  const prompt = JSON.parse(request.contents.at(-1)!.parts[0].text!) as { candidates: Array<{ candidate: number; name: string }> };
  return { scores: prompt.candidates.map((c) => ({ candidate: c.candidate, score: c.name === FAVOURED ? 0.9 : 0.1 })) };
}

describe('LLM gateway with Gemini (e2e, fake Gemini API)', () => {
  let fake: FakeGemini;
  let stack: Stack;
  let acme: TenantFixture;

  beforeAll(async () => {
    fake = await startFakeGemini();
    fake.answer = scoreCandidates;
    // The config is read when the app module loads: set it first, then load the stack.
    Object.assign(process.env, { DEV_MODE: 'true', LLM_PROVIDER: 'gemini', LLM_BASE_URL: fake.url, LLM_API_KEY: 'gemini-test-key', LLM_MODEL: 'gemini-fake', LLM_MAX_RETRIES: '0' });
    const { startStack } = await import('./support/stack');
    const { newTenant } = await import('./support/factories');
    stack = await startStack({ worker: false });
    acme = await newTenant(stack.baseUrl, 'Acme');
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });

  it('re-ranks candidates through generateContent with a function declaration, and counts Gemini’s token usage', async () => {
    expect((await getLlmTelemetry({ client: acme.client })).data!.status).toEqual({ enabled: true, provider: 'gemini', model: 'gemini-fake' });
    const { data } = await matchColumns({ client: acme.client, body: { source: { columns: [{ name: 'zz_amt_7', samples: ['$51,130.46', '$89,609.52'] }] }, target: { entity: 'CostLineItem' } } });
    expect(data!.llm).toEqual({ used: true });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ path: '/v1beta/models/gemini-fake:generateContent', apiKey: 'gemini-test-key' });
    expect(request.tools?.[0].functionDeclarations?.[0].name).toBe('score_candidates');
    expect(JSON.stringify(request.contents)).toContain('$51,130.46');

    const scored = data!.columns[0].candidates.filter((c) => c.evidence.llm !== null);
    expect(scored.length).toBeGreaterThan(0);
    for (const c of scored) expect(c.evidence.llm).toBe(c.target === FAVOURED ? 0.9 : 0.1);
    expect((await getLlmTelemetry({ client: acme.client })).data!.days[0]).toMatchObject({ calls: 1, failures: 0, promptTokens: 90, completionTokens: 20 });
  });
});
