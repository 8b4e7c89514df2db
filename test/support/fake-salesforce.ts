import { sharedPath } from '@autonomos/testing';
import { parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A fault the next API requests answer with, as Salesforce does. */
export type SalesforceFault =
  /** 401 INVALID_SESSION_ID, and the current access token stops working (expired or revoked). */
  | 'expire_session'
  /** 403 REQUEST_LIMIT_EXCEEDED. */
  | 'rate_limit'
  /** 500 UNKNOWN_EXCEPTION. */
  | 'server_error'
  /** 503 SERVER_UNAVAILABLE. */
  | 'unavailable'
  /** Never answers. */
  | 'hang';

export interface FakeSalesforceOptions {
  /** Records per query page; small so tests see nextRecordsUrl pagination. Default 7. */
  pageSize?: number;
}

type SalesforceRecord = Record<string, unknown>;

/** Field types as Salesforce's describe reports them for the sample objects. */
const FIELD_TYPES: Record<string, Record<string, string>> = {
  Account: {
    Id: 'id',
    Name: 'string',
    Industry: 'picklist',
    AnnualRevenue: 'currency',
    NumberOfEmployees: 'int',
    BillingCountry: 'string',
    Website: 'url',
    OwnerId: 'reference',
    CreatedDate: 'datetime',
    SystemModstamp: 'datetime',
  },
  Opportunity: {
    Id: 'id',
    AccountId: 'reference',
    Name: 'string',
    StageName: 'picklist',
    Amount: 'currency',
    Probability: 'percent',
    CloseDate: 'date',
    IsClosed: 'boolean',
    IsWon: 'boolean',
    CurrencyIsoCode: 'picklist',
    OwnerId: 'reference',
    SystemModstamp: 'datetime',
  },
};
const REQUIRED = new Set(['Id', 'Name', 'StageName', 'CloseDate', 'IsClosed', 'IsWon', 'OwnerId', 'CreatedDate', 'SystemModstamp']);

/** The only SOQL shape the fake understands: what SalesforceConnector sends. */
const SOQL = /^SELECT (.+) FROM (\w+)(?: WHERE (\w+) >= (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z))? ORDER BY (?:(\w+), )?Id$/;

/**
 * A Salesforce REST API on 127.0.0.1 serving ../shared/data/revops (20 Accounts, 60
 * Opportunities): describe, SOQL queries paged through nextRecordsUrl, and the OAuth token
 * endpoint. Numbers are kept as written (lossless), as Salesforce's JSON carries them.
 *
 *   const sf = await FakeSalesforce.start({ pageSize: 5 });
 *   sf.failAt(3, 'expire_session');   // the 3rd API request from now answers 401
 *   ...
 *   await sf.close();
 */
export class FakeSalesforce {
  static readonly API_VERSION = '60.0';
  readonly clientId = 'fake-client-id';
  readonly clientSecret = 'fake-client-secret';
  readonly username = 'integration@example.com';
  /** Password with the security token appended, as the password flow wants it. */
  readonly password = 'secret+TOKEN';
  refreshToken = 'fake-refresh-token';
  accessToken = 'fake-access-token-1';
  /** Every request: "GET /services/data/v60.0/query?q=SELECT ..." (query decoded), "POST /services/oauth2/token grant_type=...". */
  readonly requests: string[] = [];
  readonly records: Record<string, SalesforceRecord[]> = {
    Account: loadRecords('salesforce_accounts.json'),
    Opportunity: loadRecords('salesforce_opportunities.json'),
  };

  private readonly sockets = new Set<Socket>();
  private readonly cursors = new Map<string, SalesforceRecord[]>();
  private readonly faults: { on: string; after: number; fault: SalesforceFault }[] = [];
  private tokens = 1;
  private locators = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly pageSize: number,
  ) {}

  static async start(options: FakeSalesforceOptions = {}): Promise<FakeSalesforce> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSalesforce(server, `http://127.0.0.1:${port}`, options.pageSize ?? 7);
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    server.on('request', (request, response) => void fake.handle(request, response));
    return fake;
  }

  /**
   * The `nth` API request from now (1 = the next one) answers with `fault`, and so do the
   * `times - 1` after it. With `on`, only requests whose path contains it count ('/query/': pages after the first).
   */
  failAt(nth: number, fault: SalesforceFault, { times = 1, on = '/services/data/' }: { times?: number; on?: string } = {}): void {
    for (let i = 0; i < times; i++) this.faults.push({ on, after: nth - 1 + i, fault });
  }

  /** Queries sent, decoded. */
  queries(): string[] {
    return this.requests.filter((r) => r.includes('/query?q=')).map((r) => r.slice(r.indexOf('?q=') + 3));
  }

  async close(): Promise<void> {
    // Hung requests hold their sockets open; close() alone would wait for them.
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    if (request.method === 'POST' && url.pathname === '/services/oauth2/token') return this.token(request, response);

    const label = `${request.method} ${url.pathname}${url.searchParams.has('q') ? `?q=${url.searchParams.get('q')}` : ''}`;
    this.requests.push(label);
    let fault: SalesforceFault | undefined;
    for (const pending of [...this.faults]) {
      if (!label.includes(pending.on)) continue;
      if (pending.after-- > 0) continue;
      fault ??= pending.fault;
      this.faults.splice(this.faults.indexOf(pending), 1);
    }
    if (fault === 'hang') return;
    if (fault === 'expire_session') this.accessToken = 'expired';
    if (fault === 'rate_limit') return send(response, 403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]);
    if (fault === 'server_error') return send(response, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred. Please include this ErrorId: 1234-5678' }]);
    if (fault === 'unavailable') return send(response, 503, [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable' }]);
    if (request.headers.authorization !== `Bearer ${this.accessToken}`) {
      return send(response, 401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]);
    }

    const base = `/services/data/v${FakeSalesforce.API_VERSION}`;
    const describe = new RegExp(`^${base}/sobjects/(\\w+)/describe$`).exec(url.pathname);
    if (describe) return this.describe(describe[1], response);
    if (url.pathname === `${base}/sobjects`) {
      return send(response, 200, { sobjects: Object.keys(FIELD_TYPES).map((name) => ({ name, queryable: true, replicateable: true })) });
    }
    if (url.pathname === `${base}/query` && url.searchParams.has('q')) return this.query(url.searchParams.get('q')!, response);
    const more = new RegExp(`^${base}/query/(01g[\\w-]+)$`).exec(url.pathname);
    if (more) return this.page(more[1], response);
    send(response, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  }

  private async token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += chunk;
    const params = new URLSearchParams(body);
    const grant = params.get('grant_type');
    this.requests.push(`POST /services/oauth2/token grant_type=${grant}`);
    const client = params.get('client_id') === this.clientId && params.get('client_secret') === this.clientSecret;
    const granted =
      client &&
      ((grant === 'refresh_token' && params.get('refresh_token') === this.refreshToken) ||
        (grant === 'password' && params.get('username') === this.username && params.get('password') === this.password) ||
        grant === 'client_credentials');
    if (!granted) return send(response, 400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
    this.accessToken = `fake-access-token-${++this.tokens}`;
    send(response, 200, {
      access_token: this.accessToken,
      instance_url: this.url,
      id: `${this.url}/id/00D5g000000000AAAA/0055g0000000000AAA`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
      signature: 'fake',
    });
  }

  private describe(object: string, response: ServerResponse): void {
    const types = FIELD_TYPES[object];
    if (!types) return send(response, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    send(response, 200, {
      name: object,
      queryable: true,
      fields: Object.entries(types).map(([name, type]) => ({ name, type, nillable: !REQUIRED.has(name) })),
    });
  }

  private query(soql: string, response: ServerResponse): void {
    const match = SOQL.exec(soql);
    if (!match) return send(response, 400, [{ errorCode: 'MALFORMED_QUERY', message: `unexpected query: ${soql}` }]);
    const [, fieldList, object, filterField, since, orderField] = match;
    const types = FIELD_TYPES[object];
    if (!types) return send(response, 400, [{ errorCode: 'INVALID_TYPE', message: `sObject type '${object}' is not supported.` }]);
    const fields = fieldList.split(', ');
    const unknown = [...fields, filterField, orderField].find((f) => f !== undefined && !types[f]);
    if (unknown) return send(response, 400, [{ errorCode: 'INVALID_FIELD', message: `No such column '${unknown}' on entity '${object}'.` }]);

    const time = (record: SalesforceRecord, field: string) => Date.parse(String(record[field]));
    const matched = this.records[object]
      .filter((record) => !filterField || time(record, filterField) >= Date.parse(since))
      .sort((a, b) => (orderField ? time(a, orderField) - time(b, orderField) : 0) || String(a.Id).localeCompare(String(b.Id)))
      .map((record) => Object.fromEntries([['attributes', record.attributes], ...fields.map((f) => [f, record[f] ?? null])]));
    const locator = `01g5g00000${++this.locators}`;
    this.cursors.set(locator, matched);
    this.page(`${locator}-0`, response);
  }

  private page(locator: string, response: ServerResponse): void {
    const [id, offsetText] = locator.split('-');
    const records = this.cursors.get(id);
    if (!records) return send(response, 400, [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]);
    const offset = Number(offsetText);
    const next = offset + this.pageSize;
    const done = next >= records.length;
    send(response, 200, {
      totalSize: records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${FakeSalesforce.API_VERSION}/query/${id}-${next}` }),
      records: records.slice(offset, next),
    });
  }
}

function loadRecords(file: string): SalesforceRecord[] {
  const text = readFileSync(sharedPath('data', 'revops', file), 'utf8');
  return (parseLossless(text) as { records: SalesforceRecord[] }).records;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
  response.end(stringifyLossless(body));
}
