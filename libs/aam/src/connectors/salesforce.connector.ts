import Decimal from 'decimal.js';
import { Connection, OAuth2, TokenResponse } from 'jsforce/core';
import { parse as parseLossless } from 'lossless-json';
import type { LogicalType } from '../schema/logical-type.lattice';
import { declaredSchema } from './declared-schema';
import { SalesforceConfig, SalesforceCredentials } from './salesforce-connection.dto';
import type { ConnectorContext, ReadRequest, SourceBatch, SourceConnector, SourceRow, StreamInfo, TestResult } from './source-connector';
import { SourceError, SourceErrorCode } from './source.errors';

interface DescribedField {
  name: string;
  type: string;
  nillable: boolean;
}

interface DescribedObject {
  name: string;
  fields: DescribedField[];
}

interface QueryPage {
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

/** An error answer from Salesforce, or a transport failure (status undefined). */
interface Failure {
  status?: number;
  errorCode: string;
  message: string;
}

/** Compound fields repeat their component fields (BillingStreet…); base64 cannot be queried in bulk. */
const UNSELECTABLE = new Set(['address', 'location', 'base64']);
/** Fields incremental reads advance on, best first. */
const CURSOR_FIELDS = ['SystemModstamp', 'LastModifiedDate', 'CreatedDate'];
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export interface SalesforceConnectorOptions {
  /** First backoff after a rate limit or 503; doubled each retry. Default 1000 ms. */
  retryBaseDelayMs?: number;
}

/**
 * Reads Salesforce objects through the REST API (jsforce for transport and OAuth).
 *
 * - Schema from `describe`; reads are `SELECT <fields> FROM <object> ORDER BY SystemModstamp, Id`
 *   paged through nextRecordsUrl, one page in memory at a time.
 * - Incremental: `WHERE SystemModstamp >= <cursor, to the second>`. `>=` because a bulk update
 *   stamps many records alike and SOQL literals stop at the second: the boundary records are read
 *   again rather than lost. Their canonical event ids are content-derived: no duplicates.
 * - Bodies are parsed losslessly: currency and other numbers keep their exact digits.
 * - 403 REQUEST_LIMIT_EXCEEDED and 503 are retried with backoff (config.maxRetries). A 401
 *   renews the token once when the credentials allow an OAuth flow; the renewed token is
 *   written back into the credentials object for the caller to persist.
 */
export class SalesforceConnector implements SourceConnector {
  readonly kind = 'salesforce';
  private connection?: Connection;

  constructor(
    private readonly config: SalesforceConfig,
    private readonly credentials: SalesforceCredentials,
    private readonly options: SalesforceConnectorOptions = {},
  ) {}

  /**
   * From a connection whose settings were validated against SalesforceConfig/Credentials.
   * Renewed tokens land in `context.credentials`: the caller re-seals them when they changed.
   */
  static fromContext(context: ConnectorContext): SalesforceConnector {
    context.credentials ??= {};
    return new SalesforceConnector(context.config as SalesforceConfig, context.credentials as SalesforceCredentials);
  }

  async test(): Promise<TestResult> {
    try {
      const objects = this.config.objects ?? (await this.queryableObjects());
      // Configured objects must exist and be readable by this user.
      if (this.config.objects) for (const object of objects) await this.describe(object);
      return {
        ok: true,
        message: `connected to ${this.credentials.instanceUrl} (REST API v${this.version()}); ${objects.length} object(s) readable: ${objects.slice(0, 10).join(', ')}${objects.length > 10 ? ', …' : ''}`,
      };
    } catch (error) {
      if (error instanceof SourceError) return { ok: false, message: error.message };
      throw error;
    }
  }

  async listStreams(): Promise<StreamInfo[]> {
    if (!this.config.objects) {
      // Describing hundreds of objects is too slow for a listing: names only.
      return (await this.queryableObjects()).map((name) => ({ name, keyColumns: ['Id'] }));
    }
    const streams: StreamInfo[] = [];
    for (const name of this.config.objects) {
      const object = await this.describe(name);
      const fields = selectableFields(object);
      streams.push({
        name: object.name,
        schema: declaredSchema(fields.map((f) => ({ name: f.name, type: logicalType(f.type), nullable: f.nillable }))),
        keyColumns: ['Id'],
        cursorField: cursorField(object),
      });
    }
    return streams;
  }

  async *read(request: ReadRequest): AsyncIterable<SourceBatch> {
    const object = await this.describe(request.stream);
    const fields = selectableFields(object).map((f) => f.name);
    const cursorName = cursorField(object);
    const since = request.cursor ? soqlDateTime(request.cursor) : undefined;
    const soql =
      `SELECT ${fields.join(', ')} FROM ${object.name}` +
      (cursorName && since ? ` WHERE ${cursorName} >= ${since}` : '') +
      ` ORDER BY ${cursorName ? `${cursorName}, ` : ''}Id`;

    let next: string | undefined = `${this.apiPath()}/query?q=${encodeURIComponent(soql)}`;
    let rows: SourceRow[] = [];
    let position = 0;
    let cursor = request.cursor ?? null;
    while (next) {
      const page = (await this.get(next)) as QueryPage;
      for (const record of page.records) {
        const values = recordValues(record, fields);
        rows.push({ position: ++position, values });
        if (cursorName) cursor = values[cursorName] ?? cursor;
        if (rows.length === request.batchSize) {
          yield { rows, columns: fields, quarantined: [], cursor: cursorName ? cursor : null };
          rows = [];
        }
      }
      next = page.done ? undefined : page.nextRecordsUrl;
    }
    if (rows.length > 0) yield { rows, columns: fields, quarantined: [], cursor: cursorName ? cursor : null };
  }

  async close(): Promise<void> {
    this.connection = undefined;
  }

  private version(): string {
    return this.config.apiVersion ?? '60.0';
  }

  private apiPath(): string {
    return `/services/data/v${this.version()}`;
  }

  private async queryableObjects(): Promise<string[]> {
    const { sobjects } = (await this.get(`${this.apiPath()}/sobjects`)) as { sobjects: { name: string; queryable: boolean; replicateable: boolean }[] };
    return sobjects.filter((o) => o.queryable && o.replicateable).map((o) => o.name);
  }

  private async describe(name: string): Promise<DescribedObject> {
    if (!API_NAME.test(name)) throw new SourceError(SourceErrorCode.StreamNotFound, `"${name}" is not a Salesforce object API name`, 'stream');
    try {
      return (await this.get(`${this.apiPath()}/sobjects/${name}/describe`)) as DescribedObject;
    } catch (error) {
      if (error instanceof SourceError && /\bNOT_FOUND\b|INVALID_TYPE/.test(error.message)) {
        throw new SourceError(SourceErrorCode.StreamNotFound, `Salesforce has no object "${name}" visible to this user`, 'stream');
      }
      throw error;
    }
  }

  /** GET an API path (or a nextRecordsUrl), with token renewal and bounded retries. */
  private async get(path: string): Promise<unknown> {
    const maxRetries = this.config.maxRetries ?? 5;
    let renewed = false;
    for (let retry = 0; ; ) {
      const connection = await this.connect();
      let failure: Failure;
      try {
        const body = await connection.request<string>(
          { method: 'GET', url: path },
          // Raw text, parsed losslessly below; retries are ours (jsforce would also retry 500s for ~15 s).
          { responseType: 'text/plain', timeout: this.timeoutMs(), retry: { maxRetries: 0 } },
        );
        return parseSalesforceJson(body);
      } catch (error) {
        failure = describeFailure(error);
      }
      if (failure.status === 401 && !renewed && this.canRenew()) {
        renewed = true;
        await this.renewToken();
      } else if (isRetryable(failure) && retry < maxRetries) {
        await sleep((this.options.retryBaseDelayMs ?? 1000) * 2 ** retry++);
      } else {
        throw this.explain(failure, path, renewed, retry);
      }
    }
  }

  private async connect(): Promise<Connection> {
    if (!this.credentials.accessToken || !this.credentials.instanceUrl) {
      if (!this.canRenew()) {
        throw new SourceError(
          SourceErrorCode.InvalidConfig,
          'Salesforce credentials need an access token with its instance URL, a refresh token with the client id, a username and password with the client id and secret, or a client id and secret',
          'credentials',
        );
      }
      await this.renewToken();
    }
    try {
      this.connection ??= new Connection({ instanceUrl: this.credentials.instanceUrl, accessToken: this.credentials.accessToken, version: this.version() });
    } catch (error) {
      // e.g. a Lightning URL (*.lightning.force.com) given as the instance URL.
      throw new SourceError(SourceErrorCode.InvalidConfig, `Salesforce instance URL ${this.credentials.instanceUrl} is not usable: ${(error as Error).message}`, 'credentials.instanceUrl');
    }
    return this.connection;
  }

  private canRenew(): boolean {
    const { refreshToken, clientId, clientSecret } = this.credentials;
    return !!clientId && (!!refreshToken || !!clientSecret);
  }

  /** Runs the OAuth flow the credentials allow, and keeps the new token in them. */
  private async renewToken(): Promise<void> {
    const { refreshToken, clientId, clientSecret, username, password } = this.credentials;
    const oauth2 = new OAuth2({ loginUrl: this.config.loginUrl ?? 'https://login.salesforce.com', clientId, clientSecret });
    const flow = refreshToken ? 'refresh token' : username && password ? 'username-password login' : 'client credentials login';
    let token: TokenResponse;
    try {
      token = await withTimeout(
        refreshToken ? oauth2.refreshToken(refreshToken) : username && password ? oauth2.authenticate(username, password) : oauth2.requestToken({ grant_type: 'client_credentials' }),
        this.timeoutMs(),
      );
    } catch (error) {
      const failure = describeFailure(error);
      if (failure.status === undefined) throw this.explain(failure, 'the OAuth token endpoint', false, 0);
      throw new SourceError(SourceErrorCode.AuthFailed, `Salesforce refused the ${flow} (${failure.errorCode}: ${failure.message}): reconnect Salesforce to get new credentials`, 'credentials');
    }
    this.credentials.accessToken = token.access_token;
    this.credentials.instanceUrl = token.instance_url;
    if (token.refresh_token) this.credentials.refreshToken = token.refresh_token;
    this.connection = undefined;
  }

  private timeoutMs(): number {
    return this.config.requestTimeoutMs ?? 60_000;
  }

  private explain(failure: Failure, path: string, renewed: boolean, retries: number): SourceError {
    const what = `${failure.errorCode}: ${failure.message}`;
    // Never the full URL: a query string can be long, and the path tells a user enough.
    const where = path.split('?')[0];
    switch (failure.status) {
      case undefined:
        return failure.errorCode === 'timeout'
          ? new SourceError(SourceErrorCode.Timeout, `Salesforce did not answer within ${this.timeoutMs()} ms (${where})`)
          : new SourceError(SourceErrorCode.Unreachable, `could not reach Salesforce at ${this.credentials.instanceUrl ?? this.config.loginUrl} (${what}): check the instance URL and the network`, 'credentials.instanceUrl');
      case 401:
        return renewed
          ? new SourceError(SourceErrorCode.AuthFailed, `Salesforce still rejects the session after renewing the token (${what}): check the connected app's policies (API access, IP restrictions)`, 'credentials')
          : new SourceError(SourceErrorCode.SessionExpired, `the Salesforce session expired or was revoked (${what}) and the credentials hold no refresh token or client credentials to renew it: reconnect Salesforce`, 'credentials');
      case 403:
        return failure.errorCode === 'REQUEST_LIMIT_EXCEEDED'
          ? new SourceError(SourceErrorCode.RateLimited, `Salesforce API request limit exceeded (${what}); still refused after ${retries} retries: try again later or raise the org's API limits`)
          : new SourceError(SourceErrorCode.AuthFailed, `Salesforce refused access (${what}): the user needs the API Enabled permission and read access to ${where}`, 'credentials');
      case 503:
        return new SourceError(SourceErrorCode.BadResponse, `Salesforce is unavailable (${what}) after ${retries} retries: try again later`);
      default:
        return new SourceError(SourceErrorCode.BadResponse, `Salesforce answered HTTP ${failure.status} (${what}) to GET ${where}`);
    }
  }
}

/** Salesforce JSON with numbers kept as exact decimal text (JSON.parse would make them floats). */
export function parseSalesforceJson(text: string): unknown {
  return parseLossless(text, null, (digits) => new Decimal(digits).toFixed());
}

/** A record's values as text; relationship sub-objects as JSON. */
function recordValues(record: Record<string, unknown>, fields: string[]): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const field of fields) {
    const value = record[field];
    values[field] = value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return values;
}

function selectableFields(object: DescribedObject): DescribedField[] {
  return object.fields.filter((f) => !UNSELECTABLE.has(f.type));
}

function cursorField(object: DescribedObject): string | undefined {
  return CURSOR_FIELDS.find((name) => object.fields.some((f) => f.name === name));
}

/** Our logical type for a describe field type. */
function logicalType(type: string): LogicalType {
  switch (type) {
    case 'id':
    case 'reference':
      return 'id';
    case 'currency':
    case 'double':
    case 'percent':
      return 'decimal';
    case 'int':
    case 'long':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamp';
    case 'email':
      return 'email';
    default:
      return 'string';
  }
}

/** A SOQL datetime literal, floored to the second (the finest SOQL literals go). */
function soqlDateTime(cursor: string): string {
  const time = new Date(cursor);
  if (Number.isNaN(time.getTime())) {
    throw new SourceError(SourceErrorCode.InvalidConfig, `the stored cursor "${cursor}" is not a Salesforce datetime: run a full sync`, 'cursor');
  }
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function describeFailure(error: unknown): Failure {
  const { name, message = String(error), errorCode, code } = error as { name?: string; message?: string; errorCode?: string; code?: string };
  if (name === 'AbortError' || message === 'timeout') return { errorCode: 'timeout', message };
  const http = /^ERROR_HTTP_(\d{3})$/.exec(errorCode ?? name ?? '');
  if (http) {
    // Asked for text, jsforce hands over Salesforce's error body unparsed: [{ errorCode, message }].
    try {
      const [first] = JSON.parse(message) as { errorCode: string; message: string }[];
      return { status: Number(http[1]), errorCode: first.errorCode, message: first.message };
    } catch {
      return { status: Number(http[1]), errorCode: `HTTP_${http[1]}`, message: message.slice(0, 300) };
    }
  }
  // Network errors carry a code (ECONNREFUSED); OAuth errors their OAuth error as name (invalid_grant).
  if (name === 'FetchError' || code) return { errorCode: code ?? 'network_error', message };
  return { status: 400, errorCode: name ?? 'error', message };
}

function isRetryable(failure: Failure): boolean {
  return (failure.status === 403 && failure.errorCode === 'REQUEST_LIMIT_EXCEEDED') || failure.status === 503;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
