import { getOntology, matchColumns, rememberMapping, type MatchRequestDto } from '@autonomos/sdk';
import { Client as PgClient } from 'pg';
import { newTenant, newUser, TenantFixture } from './support/factories';
import { sdk, Stack, startStack } from './support/stack';

type Session = Awaited<ReturnType<typeof newUser>>;

// An opaque export column holding amortized costs: the bare matcher reads `amt` as an amount
// and its money values as a billed cost, which is not what this tenant's reviewer approved.
const OPAQUE = { name: 'zz_amt_7', samples: ['$51,130.46', '$89,609.52', '$1,204.10'] };
const OPAQUE_MATCH: MatchRequestDto = { source: { columns: [OPAQUE] }, target: { entity: 'CostLineItem' } };
const APPROVED = 'EffectiveCost';

const problemFields = (error: unknown) => ((error as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

describe('repair (e2e)', () => {
  let stack: Stack;
  let acme: TenantFixture;
  let operator: Session;
  let reviewer: Session;
  let viewer: Session;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    acme = await newTenant(stack.baseUrl, 'Acme');
    [operator, reviewer, viewer] = await Promise.all([
      newUser(stack.baseUrl, acme, 'operator'),
      newUser(stack.baseUrl, acme, 'reviewer'),
      newUser(stack.baseUrl, acme, 'viewer'),
    ]);
  });
  afterAll(() => stack.close());

  it('serves the ontology to any role, and nobody unauthenticated', async () => {
    const { data, response } = await getOntology({ client: viewer.client });
    expect(response.status).toBe(200);
    expect(data!.version).toMatch(/^\d+\.\d+\.\d+$/);
    const cost = data!.entities.find((e) => e.name === 'CostLineItem')!;
    expect(cost.domain).toBe('finops');
    expect(cost.fields.find((f) => f.name === 'BilledCost')).toMatchObject({ type: 'money', required: true, synonyms: expect.arrayContaining(['lineItem/UnblendedCost']) });
    expect(data!.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Account', 'Opportunity']));
    expect((await getOntology({ client: sdk(stack.baseUrl) })).response.status).toBe(401);
  });

  it('matches columns to an entity with heuristics when no LLM is configured', async () => {
    const { data, response } = await matchColumns({
      client: operator.client,
      body: { source: { columns: [{ name: 'line_item_unblended_cost', samples: ['0.0123', '12.5'] }, { name: 'currency_code', samples: ['USD'] }] }, target: { entity: 'costlineitem' }, top: 3 },
    });
    expect(response.status).toBe(200);
    expect(data!.columns.map((c) => [c.source, c.candidates[0].target])).toEqual([
      ['line_item_unblended_cost', 'BilledCost'],
      ['currency_code', 'BillingCurrency'],
    ]);
    expect(data!.columns[0].candidates).toHaveLength(3);
    expect(data!.llm).toEqual({ used: false, reason: 'no_provider' });
    expect(data!.memory).toEqual([]);
  });

  it('matches against a target schema of your own', async () => {
    const { data } = await matchColumns({
      client: operator.client,
      body: { source: { columns: [{ name: 'cust_email', samples: ['a@b.io'] }] }, target: { fields: [{ name: 'customer_email' }, { name: 'order_total' }] } },
    });
    expect(data!.columns[0].candidates[0].target).toBe('customer_email');
  });

  it('ranks a reviewer-approved mapping first where the bare matcher gets it wrong, for that tenant only', async () => {
    const bare = await matchColumns({ client: operator.client, body: OPAQUE_MATCH });
    expect(bare.data!.columns[0].candidates[0].target).not.toBe(APPROVED);

    const stored = await rememberMapping({
      client: reviewer.client,
      body: { source: { kind: 'filesource', stream: 'cost_exports', column: 'zz_amt_7', samples: ['$12.00', '$7,431.90', '$150.25'] }, target: { entity: 'CostLineItem', field: APPROVED } },
    });
    expect(stored.response.status).toBe(201);
    expect(stored.data).toMatchObject({ created: true, approvals: 1 });

    const recalled = await matchColumns({ client: operator.client, body: OPAQUE_MATCH });
    const [first] = recalled.data!.columns[0].candidates;
    expect(first.target).toBe(APPROVED);
    expect(first.evidence.memory).toBeGreaterThan(0.75);
    expect(recalled.data!.memory).toEqual([
      { column: 'zz_amt_7', memories: [expect.objectContaining({ memoryId: stored.data!.id, sourceColumn: 'zz_amt_7', targetEntity: 'CostLineItem', targetField: APPROVED, sourceKind: 'filesource' })] },
    ]);

    // Another tenant asking the same gets the bare matcher's answer: acme's memory is not theirs.
    const globex = await newTenant(stack.baseUrl, 'Globex');
    const theirs = await matchColumns({ client: globex.client, body: OPAQUE_MATCH });
    expect(theirs.data!.columns).toEqual(bare.data!.columns);
    expect(theirs.data!.memory).toEqual([]);
  });

  it('keeps memories behind row-level security as well', async () => {
    const globex = await newTenant(stack.baseUrl, 'Globex');
    const pg = new PgClient({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    try {
      await pg.query('BEGIN');
      await pg.query(`SELECT set_config('app.tenant_id', $1, true)`, [globex.tenantId]);
      expect((await pg.query('SELECT count(*)::int AS n FROM mapping_memories')).rows[0].n).toBe(0);
      await pg.query(`SELECT set_config('app.tenant_id', $1, true)`, [acme.tenantId]);
      expect((await pg.query('SELECT count(*)::int AS n FROM mapping_memories')).rows[0].n).toBeGreaterThan(0);
      await pg.query('ROLLBACK');
    } finally {
      await pg.end();
    }
  });

  it('remembers the same approval once, counting approvals', async () => {
    const body = { source: { column: 'acct_no', samples: ['111122223333'] }, target: { entity: 'CostLineItem', field: 'billingaccountid' } };
    const first = await rememberMapping({ client: reviewer.client, body });
    const again = await rememberMapping({ client: acme.client, body: { ...body, source: { ...body.source, samples: ['444455556666'] } } });
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(200);
    expect(again.data).toEqual({ id: first.data!.id, created: false, approvals: 2 });
  });

  it('refuses bad match requests, naming the field', async () => {
    const cases: Array<[unknown, string[]]> = [
      [{ ...OPAQUE_MATCH, target: { entity: 'Invoice' } }, ['target.entity']],
      [{ ...OPAQUE_MATCH, target: { entity: 'CostLineItem', fields: [{ name: 'x' }] } }, ['target']],
      [{ ...OPAQUE_MATCH, target: {} }, ['target']],
      [{ source: { columns: 'zz' }, target: { entity: 'CostLineItem' }, top: 'five' }, ['source.columns', 'top']],
      [{ source: { columns: [] }, target: { entity: 'CostLineItem' } }, ['source.columns']],
      [{ source: { columns: [{ name: 'a', samples: [1] }] }, target: { entity: 'CostLineItem' }, useLlm: 'yes' }, ['source.columns.0.samples', 'useLlm']],
      [{ ...OPAQUE_MATCH, sneaky: true, source: { columns: [{ name: 'a', bogus: 1 }] } }, ['sneaky', 'source.columns.0.bogus']],
    ];
    for (const [body, fields] of cases) {
      const { response, error } = await matchColumns({ client: operator.client, body: body as MatchRequestDto });
      expect(response.status).toBe(400);
      expect([...new Set(problemFields(error))].sort()).toEqual(fields);
    }
  });

  it('refuses bad memory requests, storing nothing', async () => {
    const cases: Array<[unknown, string[]]> = [
      [{ source: { column: 'x' }, target: { entity: 'Invoice', field: 'Total' } }, ['target.entity']],
      [{ source: { column: 'x' }, target: { entity: 'CostLineItem', field: 'Total' } }, ['target.field']],
      [{ source: { column: '' }, target: { field: 3 } }, ['source.column', 'target.field']],
      [{ source: { column: 'x', extra: 1 }, target: { field: 'f' } }, ['source.extra']],
    ];
    for (const [body, fields] of cases) {
      const { response, error } = await rememberMapping({ client: reviewer.client, body: body as never });
      expect(response.status).toBe(400);
      expect([...new Set(problemFields(error))].sort()).toEqual(fields);
    }
    const after = await matchColumns({ client: operator.client, body: { source: { columns: [{ name: 'x' }] }, target: { entity: 'CostLineItem' } } });
    expect(after.data!.memory).toEqual([]);
  });

  it('lets only operators and admins match, only reviewers and admins remember', async () => {
    const remember = { source: { column: 'x' }, target: { field: 'f' } };
    expect((await matchColumns({ client: viewer.client, body: OPAQUE_MATCH })).response.status).toBe(403);
    expect((await matchColumns({ client: reviewer.client, body: OPAQUE_MATCH })).response.status).toBe(403);
    expect((await rememberMapping({ client: viewer.client, body: remember })).response.status).toBe(403);
    expect((await rememberMapping({ client: operator.client, body: remember })).response.status).toBe(403);
    expect((await matchColumns({ client: sdk(stack.baseUrl), body: OPAQUE_MATCH })).response.status).toBe(401);
  });
});
