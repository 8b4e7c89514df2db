// Integration spec against test/support/fake-salesforce.ts: a Salesforce REST server on 127.0.0.1.
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { LosslessNumber } from 'lossless-json';
import { FakeSalesforce } from '../../../../test/support/fake-salesforce';
import { SalesforceConfig, SalesforceCredentials } from './salesforce-connection.dto';
import { parseSalesforceJson, SalesforceConnector } from './salesforce.connector';
import type { SourceBatch } from './source-connector';
import { SourceErrorCode } from './source.errors';

let fake: FakeSalesforce;

beforeEach(async () => {
  fake = await FakeSalesforce.start({ pageSize: 7 });
});
afterEach(() => fake.close());

function tokenCredentials(extra: SalesforceCredentials = {}): SalesforceCredentials {
  return { accessToken: fake.accessToken, instanceUrl: fake.url, ...extra };
}

function connector(credentials = tokenCredentials(), config: Partial<SalesforceConfig> = {}): SalesforceConnector {
  return new SalesforceConnector(
    { loginUrl: fake.url, apiVersion: FakeSalesforce.API_VERSION, objects: ['Account', 'Opportunity'], ...config },
    credentials,
    { retryBaseDelayMs: 5 },
  );
}

/** Reads until the end or an error; the batches yielded before an error are kept. */
async function readAll(source: SalesforceConnector, stream: string, batchSize: number, cursor: string | null = null): Promise<{ batches: SourceBatch[]; error?: unknown }> {
  const batches: SourceBatch[] = [];
  try {
    for await (const batch of source.read({ stream, batchSize, cursor })) batches.push(batch);
    return { batches };
  } catch (error) {
    return { batches, error };
  }
}

const ids = (batches: SourceBatch[]) => batches.flatMap((b) => b.rows.map((r) => r.values.Id));

/** The sample records in the order Salesforce returns them: by SystemModstamp, then Id. */
function expectedOrder(object: string): Record<string, unknown>[] {
  return [...fake.records[object]].sort((a, b) => Date.parse(String(a.SystemModstamp)) - Date.parse(String(b.SystemModstamp)) || String(a.Id).localeCompare(String(b.Id)));
}

describe('SalesforceConnector', () => {
  it('describes objects into schemas with logical types, the Id key and SystemModstamp as cursor', async () => {
    const streams = await connector().listStreams();
    expect(streams.map((s) => [s.name, s.keyColumns, s.cursorField])).toEqual([
      ['Account', ['Id'], 'SystemModstamp'],
      ['Opportunity', ['Id'], 'SystemModstamp'],
    ]);
    const types = Object.fromEntries(streams[1].schema!.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({
      Id: 'id',
      AccountId: 'id',
      Name: 'string',
      StageName: 'string',
      Amount: 'decimal',
      Probability: 'decimal',
      CloseDate: 'date',
      IsClosed: 'boolean',
      IsWon: 'boolean',
      CurrencyIsoCode: 'string',
      OwnerId: 'id',
      SystemModstamp: 'timestamp',
    });
    expect(streams[0].schema!.columns.find((c) => c.name === 'AnnualRevenue')).toMatchObject({ type: 'decimal', nullable: true });
    expect(streams[0].schema!.columns.find((c) => c.name === 'NumberOfEmployees')!.type).toBe('integer');
  });

  it('lists every queryable object by name when none are configured', async () => {
    const streams = await connector(tokenCredentials(), { objects: undefined }).listStreams();
    expect(streams).toEqual([
      { name: 'Account', keyColumns: ['Id'] },
      { name: 'Opportunity', keyColumns: ['Id'] },
    ]);
  });

  it('reads all 20 Accounts and 60 Opportunities through nextRecordsUrl pages, in SystemModstamp order', async () => {
    const source = connector();
    const accounts = await readAll(source, 'Account', 6);
    expect(accounts.error).toBeUndefined();
    expect(accounts.batches.map((b) => b.rows.length)).toEqual([6, 6, 6, 2]);
    expect(ids(accounts.batches)).toEqual(expectedOrder('Account').map((r) => r.Id));
    // One query, then two queryMore pages of 7.
    expect(fake.requests.filter((r) => r.includes('/query')).length).toBe(3);
    expect(fake.queries()[0]).toBe(
      'SELECT Id, Name, Industry, AnnualRevenue, NumberOfEmployees, BillingCountry, Website, OwnerId, CreatedDate, SystemModstamp FROM Account ORDER BY SystemModstamp, Id',
    );

    const opportunities = await readAll(source, 'Opportunity', 25);
    const rows = opportunities.batches.flatMap((b) => b.rows);
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.values.Id)).size).toBe(60);
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(rows.find((r) => r.values.Id === '0065g0000000000000AAA')!.values).toEqual({
      Id: '0065g0000000000000AAA',
      AccountId: '0015g0000000000000AAA',
      Name: 'Acme Inc. — Renewal',
      StageName: 'Prospecting',
      Amount: '151000',
      Probability: '10',
      CloseDate: '2025-07-01',
      IsClosed: 'false',
      IsWon: 'false',
      CurrencyIsoCode: 'USD',
      OwnerId: '0055g0000000000000AAA',
      SystemModstamp: '2025-10-01T09:00:00.000+0000',
    });
    expect(opportunities.batches.at(-1)!.cursor).toBe(expectedOrder('Opportunity').at(-1)!.SystemModstamp);
  });

  it('keeps currency amounts exact, beyond what a JavaScript number holds', async () => {
    const record = { ...fake.records.Opportunity[0], Id: '0065g0000000000099AAA', Amount: new LosslessNumber('1234567890123456.78'), SystemModstamp: '2030-01-01T00:00:00.000+0000' };
    fake.records.Opportunity.push(record);
    const { batches } = await readAll(connector(), 'Opportunity', 100);
    expect(batches.flatMap((b) => b.rows).find((r) => r.values.Id === record.Id)!.values.Amount).toBe('1234567890123456.78');
    expect(parseSalesforceJson('{"Amount": 1.5E7, "Rate": 0.10}')).toEqual({ Amount: '15000000', Rate: '0.1' });
  });

  it('reads incrementally from a SystemModstamp cursor', async () => {
    const ordered = expectedOrder('Opportunity');
    const cursor = String(ordered[49].SystemModstamp);
    const { batches } = await readAll(connector(), 'Opportunity', 4, cursor);
    // >= the cursor: the record at the cursor comes again (same content ⇒ same event id), nothing is skipped.
    expect(ids(batches)).toEqual(ordered.slice(49).map((r) => r.Id));
    expect(fake.queries()[0]).toMatch(/ WHERE SystemModstamp >= \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z ORDER BY SystemModstamp, Id$/);
    expect(batches.at(-1)!.cursor).toBe(ordered.at(-1)!.SystemModstamp);

    const nothingNew = await readAll(connector(), 'Opportunity', 4, String(batches.at(-1)!.cursor));
    expect(ids(nothingNew.batches)).toEqual([ordered.at(-1)!.Id]);
  });

  describe('session expiry', () => {
    it('fails with a clear message when the session expires mid-sync without a refresh token; yielded batches stay intact', async () => {
      const source = connector();
      // Requests: 1 describe, 2 query (page 1), 3 page 2, 4 page 3 ⇒ expires after 14 records.
      fake.failAt(4, 'expire_session');
      const { batches, error } = await readAll(source, 'Opportunity', 7);

      expect(error).toMatchObject({ code: SourceErrorCode.SessionExpired, kind: 'bad_gateway' });
      expect((error as Error).message).toMatch(/session expired or was revoked \(INVALID_SESSION_ID: Session expired or invalid\).*reconnect Salesforce/);
      const ordered = expectedOrder('Opportunity');
      expect(ids(batches)).toEqual(ordered.slice(0, 14).map((r) => r.Id));
      expect(batches.map((b) => b.cursor)).toEqual([ordered[6].SystemModstamp, ordered[13].SystemModstamp]);

      // The committed cursor resumes the sync: nothing is lost between the two runs.
      const resumed = await readAll(connector(tokenCredentials()), 'Opportunity', 7, String(batches.at(-1)!.cursor));
      expect(new Set([...ids(batches), ...ids(resumed.batches)]).size).toBe(60);
    });

    it('renews the token once with the refresh token, continues, and hands the new token back', async () => {
      const credentials = tokenCredentials({ refreshToken: fake.refreshToken, clientId: fake.clientId, clientSecret: fake.clientSecret });
      fake.failAt(4, 'expire_session');
      const { batches, error } = await readAll(connector(credentials), 'Opportunity', 7);

      expect(error).toBeUndefined();
      expect(ids(batches)).toEqual(expectedOrder('Opportunity').map((r) => r.Id));
      expect(fake.requests.filter((r) => r.startsWith('POST /services/oauth2/token'))).toEqual(['POST /services/oauth2/token grant_type=refresh_token']);
      expect(credentials.accessToken).toBe(fake.accessToken);
      expect(credentials.accessToken).not.toBe('fake-access-token-1');
    });

    it('fails clearly when the refresh token was revoked', async () => {
      const credentials = tokenCredentials({ refreshToken: 'revoked', clientId: fake.clientId, clientSecret: fake.clientSecret });
      fake.failAt(2, 'expire_session');
      const { error } = await readAll(connector(credentials), 'Account', 5);
      expect(error).toMatchObject({ code: SourceErrorCode.AuthFailed, message: expect.stringContaining('Salesforce refused the refresh token (invalid_grant: expired access/refresh token)') });
    });

    it('does not loop when the session is rejected again right after renewal', async () => {
      const credentials = tokenCredentials({ refreshToken: fake.refreshToken, clientId: fake.clientId, clientSecret: fake.clientSecret });
      fake.failAt(2, 'expire_session', { times: 2 });
      const { error } = await readAll(connector(credentials), 'Account', 5);
      expect(error).toMatchObject({ code: SourceErrorCode.AuthFailed, message: expect.stringContaining('still rejects the session after renewing') });
      expect(fake.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
    });
  });

  describe('OAuth flows', () => {
    it('logs in with username and password, keeping the token and instance URL in the credentials', async () => {
      const credentials: SalesforceCredentials = { username: fake.username, password: fake.password, clientId: fake.clientId, clientSecret: fake.clientSecret };
      const { batches } = await readAll(connector(credentials), 'Account', 50);
      expect(ids(batches)).toHaveLength(20);
      expect(credentials).toMatchObject({ accessToken: fake.accessToken, instanceUrl: fake.url });
      expect(fake.requests[0]).toBe('POST /services/oauth2/token grant_type=password');
    });

    it('logs in with client credentials', async () => {
      const credentials: SalesforceCredentials = { clientId: fake.clientId, clientSecret: fake.clientSecret };
      await expect(connector(credentials).test()).resolves.toMatchObject({ ok: true });
      expect(fake.requests[0]).toBe('POST /services/oauth2/token grant_type=client_credentials');
    });

    it('says what is missing when the credentials allow no flow', async () => {
      await expect(connector({ username: fake.username }).listStreams()).rejects.toMatchObject({ code: SourceErrorCode.InvalidConfig });
    });
  });

  describe('upstream faults', () => {
    it('retries a rate-limit refusal with backoff, then succeeds', async () => {
      fake.failAt(2, 'rate_limit', { times: 2 });
      fake.failAt(5, 'unavailable');
      const { batches, error } = await readAll(connector(), 'Account', 50);
      expect(error).toBeUndefined();
      expect(ids(batches)).toHaveLength(20);
      expect(fake.queries()).toHaveLength(3); // the first query, sent three times
    });

    it('gives up after the configured retries with a rate-limit error', async () => {
      fake.failAt(2, 'rate_limit', { times: 5 });
      const { error } = await readAll(connector(tokenCredentials(), { maxRetries: 2 }), 'Account', 50);
      expect(error).toMatchObject({ code: SourceErrorCode.RateLimited, kind: 'unavailable', message: expect.stringContaining('REQUEST_LIMIT_EXCEEDED') });
      expect((error as Error).message).toContain('still refused after 2 retries');
      expect(fake.queries()).toHaveLength(3);
    });

    it('reports a 500 clearly, without retrying', async () => {
      fake.failAt(3, 'server_error');
      const { batches, error } = await readAll(connector(), 'Account', 7);
      expect(batches).toHaveLength(1);
      expect(error).toMatchObject({
        code: SourceErrorCode.BadResponse,
        kind: 'bad_gateway',
        message: expect.stringMatching(/^Salesforce answered HTTP 500 \(UNKNOWN_EXCEPTION: An unexpected error occurred.*\) to GET \/services\/data\/v60\.0\/query\/01g/),
      });
      expect(fake.requests).toHaveLength(3);
    });

    it('reports a request that never gets an answer as a timeout', async () => {
      fake.failAt(2, 'hang');
      const started = Date.now();
      const { error } = await readAll(connector(tokenCredentials(), { requestTimeoutMs: 300 }), 'Account', 7);
      expect(error).toMatchObject({ code: SourceErrorCode.Timeout, kind: 'gateway_timeout', message: 'Salesforce did not answer within 300 ms (/services/data/v60.0/query)' });
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('refuses an object that does not exist', async () => {
      const { error } = await readAll(connector(), 'Invoice__c', 7);
      expect(error).toMatchObject({ code: SourceErrorCode.StreamNotFound, message: 'Salesforce has no object "Invoice__c" visible to this user' });
    });
  });

  describe('test()', () => {
    it('says which org and objects it reached', async () => {
      await expect(connector().test()).resolves.toEqual({ ok: true, message: `connected to ${fake.url} (REST API v60.0); 2 object(s) readable: Account, Opportunity` });
    });

    it('says when the session is no longer valid', async () => {
      const result = await connector(tokenCredentials({ accessToken: 'stale' })).test();
      expect(result).toEqual({ ok: false, message: expect.stringContaining('the Salesforce session expired or was revoked') });
    });

    it('says when nothing answers at the instance URL', async () => {
      const result = await connector({ accessToken: 'x', instanceUrl: 'http://127.0.0.1:1' }).test();
      expect(result).toEqual({ ok: false, message: expect.stringContaining('could not reach Salesforce at http://127.0.0.1:1 (ECONNREFUSED') });
    });
  });

  it('validates object names and URLs in the connection settings', async () => {
    const config = plainToInstance(SalesforceConfig, { objects: ['Account', 'Account; DELETE'], loginUrl: 'not a url', apiVersion: '60' });
    expect((await validate(config)).map((e) => e.property).sort()).toEqual(['apiVersion', 'loginUrl', 'objects']);
  });
});
