import Decimal from 'decimal.js';
import { BSON, Db, Document, Filter, MongoClient, Sort } from 'mongodb';
import { inferSchema } from '../schema/schema.inferrer';
import { MongoConfig, MongoCredentials } from './mongodb-connection.dto';
import type { ConnectorContext, ReadRequest, SourceBatch, SourceConnector, SourceRow, StreamInfo, TestResult } from './source-connector';
import { SourceError, SourceErrorCode } from './source.errors';

/**
 * Reads MongoDB collections with the official driver.
 *
 * - Streams are collections; their schema is inferred from a `$sample` of documents, top-level
 *   fields flattened, nested documents and arrays as JSON text.
 * - Values become text exactly: ObjectId as hex, Decimal128 as its decimal digits, dates ISO.
 * - Incremental by `_id` (`> cursor`: unique) or a configured updated-at field (`>= cursor`:
 *   documents sharing the last value are read again rather than lost; their content-derived
 *   event ids make that harmless). The cursor is the value in canonical Extended JSON, so its
 *   BSON type survives the round trip through text.
 */
export class MongoConnector implements SourceConnector {
  readonly kind = 'mongodb';
  private client?: MongoClient;

  constructor(
    private readonly config: MongoConfig,
    private readonly credentials: MongoCredentials,
  ) {}

  /** From a connection whose settings were validated against MongoConfig/MongoCredentials. */
  static fromContext(context: ConnectorContext): MongoConnector {
    return new MongoConnector(context.config as unknown as MongoConfig, (context.credentials ?? {}) as unknown as MongoCredentials);
  }

  async test(): Promise<TestResult> {
    try {
      const db = await this.db();
      await db.command({ ping: 1 });
      const collections = await this.collections(db);
      return { ok: true, message: `connected to database "${db.databaseName}" at ${this.servers()}; ${collections.length} collection(s) readable` };
    } catch (error) {
      return { ok: false, message: this.explain(error).message };
    }
  }

  async listStreams(): Promise<StreamInfo[]> {
    return this.guard(async () => {
      const db = await this.db();
      const streams: StreamInfo[] = [];
      for (const name of await this.collections(db)) {
        const sample = await db.collection(name).aggregate([{ $sample: { size: this.config.sampleSize ?? 200 } }]).toArray();
        streams.push({ name, schema: inferSchema(sample.map(documentValues)), keyColumns: ['_id'], cursorField: this.cursorField(name) });
      }
      return streams;
    });
  }

  async *read(request: ReadRequest): AsyncIterable<SourceBatch> {
    const db = await this.guard(() => this.db());
    if (!(await this.guard(() => this.collections(db))).includes(request.stream)) {
      throw new SourceError(SourceErrorCode.StreamNotFound, `no collection "${request.stream}" readable in database "${db.databaseName}"`, 'stream');
    }
    const field = this.cursorField(request.stream);
    const { filter, sort } = incrementalQuery(field, request.cursor ?? null);
    const documents = db.collection(request.stream).find(filter, { sort, batchSize: request.batchSize });
    let rows: SourceRow[] = [];
    let position = 0;
    let cursor = request.cursor ?? null;
    try {
      for await (const document of documents) {
        rows.push({ position: ++position, values: documentValues(document) });
        // Documents without the field sort first and never advance the cursor.
        if (document[field] !== undefined && document[field] !== null) cursor = encodeCursor(document[field]);
        if (rows.length === request.batchSize) {
          yield { rows, quarantined: [], cursor };
          rows = [];
        }
      }
    } catch (error) {
      throw this.explain(error);
    } finally {
      await documents.close();
    }
    if (rows.length > 0) yield { rows, quarantined: [], cursor };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.close();
  }

  private async db(): Promise<Db> {
    if (!this.credentials.uri) {
      throw new SourceError(SourceErrorCode.InvalidConfig, 'the connection has no MongoDB connection string: set credentials.uri', 'credentials.uri');
    }
    this.client ??= new MongoClient(this.credentials.uri, {
      serverSelectionTimeoutMS: this.config.serverSelectionTimeoutMs ?? 10_000,
      appName: 'autonomos',
    });
    await this.client.connect();
    return this.client.db(this.config.database);
  }

  private async collections(db: Db): Promise<string[]> {
    const found = await db.listCollections({ type: 'collection' }, { nameOnly: true, authorizedCollections: true }).toArray();
    const names = found.map((c) => c.name).filter((name) => !name.startsWith('system.'));
    return this.config.collections ? names.filter((name) => this.config.collections!.includes(name)) : names.sort();
  }

  private cursorField(collection: string): string {
    return this.config.cursorFields?.[collection] ?? '_id';
  }

  /** Server addresses, never the credentials in the connection string. */
  private servers(): string {
    const options = this.client?.options;
    return options ? (options.srvHost ?? options.hosts.map(String).join(',')) : 'the configured address';
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw this.explain(error);
    }
  }

  private explain(error: unknown): SourceError {
    if (error instanceof SourceError) return error;
    const { name, code, message = String(error) } = error as { name?: string; code?: number | string; message?: string };
    switch (name) {
      case 'MongoParseError':
      case 'MongoInvalidArgumentError':
      case 'MongoAPIError':
        return new SourceError(SourceErrorCode.InvalidConfig, `the MongoDB connection string is not valid: ${message}`, 'credentials.uri');
      case 'MongoServerSelectionError':
        return new SourceError(
          SourceErrorCode.Unreachable,
          `no MongoDB server answered at ${this.servers()} within ${this.config.serverSelectionTimeoutMs ?? 10_000} ms (${message}): ` +
            'check the host and port, that the server runs, and that its network access list allows this server',
          'credentials.uri',
        );
      case 'MongoNetworkTimeoutError':
        return new SourceError(SourceErrorCode.Timeout, `MongoDB at ${this.servers()} stopped answering: ${message}`);
    }
    if (code === 18) {
      return new SourceError(SourceErrorCode.AuthFailed, `MongoDB authentication failed: check the user, password and authSource in the connection string`, 'credentials.uri');
    }
    if (code === 13) {
      return new SourceError(SourceErrorCode.AuthFailed, `the MongoDB user may not do this (${message}): grant it the read role on database "${this.config.database}"`, 'credentials.uri');
    }
    return new SourceError(SourceErrorCode.BadResponse, `MongoDB failed: ${message}`);
  }
}

/** A document as a record: top-level fields as text, nested documents and arrays as JSON. */
export function documentValues(document: Document): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(document)) {
    const plain = toPlain(value);
    values[field] = plain === null || plain === undefined ? null : typeof plain === 'object' ? JSON.stringify(plain) : String(plain);
  }
  return values;
}

/** The filter and sort of a read: everything for a full sync, past the cursor for an incremental one. */
export function incrementalQuery(field: string, cursor: string | null): { filter: Filter<Document>; sort: Sort } {
  const sort: Sort = field === '_id' ? { _id: 1 } : { [field]: 1, _id: 1 };
  if (cursor === null) return { filter: {}, sort };
  let value: unknown;
  try {
    value = (BSON.EJSON.parse(cursor, { relaxed: false }) as { v: unknown }).v;
  } catch {
    value = undefined;
  }
  if (value === undefined) {
    throw new SourceError(SourceErrorCode.InvalidConfig, `the stored cursor ${cursor} is not a MongoDB cursor value: run a full sync`, 'cursor');
  }
  return { filter: { [field]: field === '_id' ? { $gt: value } : { $gte: value } }, sort };
}

/** A cursor value as text that keeps its BSON type (ObjectId, date, Decimal128, number). */
export function encodeCursor(value: unknown): string {
  return BSON.EJSON.stringify({ v: value }, { relaxed: false });
}

/** JSON-ready and exact: BSON values become strings (hex, decimal digits, ISO dates). */
function toPlain(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  const bson = value as { _bsontype?: string; toHexString?: () => string; toString: (encoding?: string) => string };
  switch (bson._bsontype) {
    case undefined:
      return Object.fromEntries(Object.entries(value).map(([field, nested]) => [field, toPlain(nested)]));
    case 'ObjectId':
      return bson.toHexString!();
    case 'Decimal128': {
      // Decimal128 prints large or small exponents as 1.5E+10; spell the digits out.
      const text = bson.toString();
      return /e/i.test(text) && !/NaN|Inf/.test(text) ? new Decimal(text).toFixed() : text;
    }
    case 'Long':
      // Only integers beyond 2^53 stay Long; smaller ones arrive as numbers.
      return bson.toString();
    case 'Binary': {
      const binary = value as { sub_type: number; toUUID: () => { toHexString: (dashes?: boolean) => string }; toString: (encoding: 'base64') => string };
      return binary.sub_type === 4 ? binary.toUUID().toHexString(true) : binary.toString('base64');
    }
    default:
      // Timestamps, regexes, code, min/max keys: their Extended JSON form.
      return BSON.EJSON.serialize(value, { relaxed: false });
  }
}
