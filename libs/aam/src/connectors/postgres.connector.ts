import type { ConnectionOptions } from 'node:tls';
import { escapeIdentifier, Pool, PoolConfig } from 'pg';
import Cursor from 'pg-cursor';
import type { LogicalType } from '../schema/logical-type.lattice';
import { declaredSchema } from './declared-schema';
import { PostgresConfig, PostgresCredentials, SslMode } from './postgres-connection.dto';
import type { ConnectorContext, ReadRequest, SourceBatch, SourceConnector, SourceRow, StreamInfo, TestResult } from './source-connector';
import { SourceError, SourceErrorCode } from './source.errors';

interface TableColumn {
  name: string;
  dataType: string;
  nullable: boolean;
}

interface Table {
  schema: string;
  name: string;
  columns: TableColumn[];
  keyColumns: string[];
}

/** Column names taken as "last changed at", in order of preference, when no cursor is configured. */
const UPDATED_AT_NAMES = ['updated_at', 'updatedat', 'modified_at', 'last_modified', 'last_modified_at', 'last_updated', 'changed_at'];
const TIMESTAMP_TYPES = new Set(['timestamp with time zone', 'timestamp without time zone']);
const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint']);

/**
 * Reads tables and views of a PostgreSQL database (or Supabase, which is PostgreSQL behind TLS).
 *
 * - Streams are `schema.table` for the configured schemas, typed from information_schema.
 * - Values are converted to text by PostgreSQL itself (`to_json(col) #>> '{}'`): numeric stays
 *   exact, dates and timestamps come as ISO 8601 (UTC), json/arrays as JSON text.
 * - Reads go through a server-side cursor in a read-only transaction: one batch in memory.
 * - Incremental reads use `cursor_col >= last value`: rows sharing the last value (a bulk
 *   update stamps many rows alike) are read again rather than lost when a run stopped between
 *   them; their canonical event ids are content-derived, so re-reads are not duplicates. A
 *   single-column primary key used as the cursor is unique, so it uses `>`.
 */
export class PostgresConnector implements SourceConnector {
  private pool?: Pool;

  constructor(
    private readonly config: PostgresConfig,
    private readonly credentials: PostgresCredentials,
    readonly kind: 'postgres' | 'supabase' = 'postgres',
  ) {}

  /** From a connection whose settings were validated against PostgresConfig/PostgresCredentials. */
  static fromContext(context: ConnectorContext, kind: 'postgres' | 'supabase' = 'postgres'): PostgresConnector {
    return new PostgresConnector(context.config as unknown as PostgresConfig, (context.credentials ?? {}) as unknown as PostgresCredentials, kind);
  }

  async test(): Promise<TestResult> {
    try {
      const { rows } = await this.db().query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
      const tables = await this.tables();
      return {
        ok: true,
        message:
          `connected to database "${this.config.database}" on ${this.address()} as "${this.credentials.user}" ` +
          `(PostgreSQL ${rows[0].version}); ${tables.length} table(s) readable in schema(s) ${this.schemas().join(', ')}`,
      };
    } catch (error) {
      return { ok: false, message: this.explain(error).message };
    }
  }

  async listStreams(): Promise<StreamInfo[]> {
    const tables = await this.guard(() => this.tables());
    return tables.map((table) => ({
      name: streamName(table),
      schema: declaredSchema(table.columns.map((c) => ({ name: c.name, type: logicalType(c.dataType), nullable: c.nullable }))),
      keyColumns: table.keyColumns,
      cursorField: this.cursorColumn(table),
    }));
  }

  async *read(request: ReadRequest): AsyncIterable<SourceBatch> {
    const table = (await this.guard(() => this.tables())).find((t) => streamName(t) === request.stream);
    if (!table) {
      throw new SourceError(
        SourceErrorCode.StreamNotFound,
        `no table or view "${request.stream}" readable by "${this.credentials.user}" in schema(s) ${this.schemas().join(', ')}`,
        'stream',
      );
    }
    const cursorColumn = this.cursorColumn(table);
    const { text, values } = selectStatement(table, cursorColumn, request.cursor ?? null);

    const client = await this.guard(() => this.db().connect());
    let cursor: Cursor | undefined;
    try {
      await this.guard(async () => {
        await client.query('BEGIN READ ONLY');
        // Timestamps with time zone then come out in UTC, whatever the server's default.
        await client.query(`SET LOCAL TIME ZONE 'UTC'`);
      });
      cursor = client.query(new Cursor<Record<string, string | null>>(text, values));
      const columns = table.columns.map((c) => c.name);
      let position = 0;
      let last = request.cursor ?? null;
      for (;;) {
        const rows = await this.guard(() => cursor!.read(request.batchSize));
        if (rows.length === 0) break;
        const batch: SourceRow[] = rows.map((values) => ({ position: ++position, values }));
        // Rows with a null cursor sort last and never advance it.
        if (cursorColumn) last = rows.reduce((value, row) => row[cursorColumn] ?? value, last);
        yield { rows: batch, columns, quarantined: [], cursor: cursorColumn ? last : null };
        if (rows.length < request.batchSize) break;
      }
      await this.guard(() => client.query('COMMIT'));
    } finally {
      await cursor?.close().catch(() => undefined);
      // Destroyed, not pooled: after an error or an early stop it may be mid-transaction.
      client.release(true);
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private db(): Pool {
    if (!this.pool) {
      this.pool = new Pool(this.poolConfig());
      // An idle client losing its server must not crash the process; the next query reports it.
      this.pool.on('error', () => undefined);
    }
    return this.pool;
  }

  private poolConfig(): PoolConfig {
    if (!this.credentials.user) {
      throw new SourceError(SourceErrorCode.InvalidConfig, 'the connection has no database user: set credentials.user (and credentials.password)', 'credentials.user');
    }
    return {
      host: this.config.host,
      port: this.config.port ?? 5432,
      database: this.config.database,
      user: this.credentials.user,
      password: this.credentials.password,
      ssl: tlsOptions(this.sslmode(), this.config.caCert, this.config.host),
      connectionTimeoutMillis: this.config.connectTimeoutMs ?? 10_000,
      application_name: 'autonomos',
      max: 2,
    };
  }

  private sslmode(): SslMode {
    return this.config.sslmode ?? (this.kind === 'supabase' ? 'require' : 'disable');
  }

  private schemas(): string[] {
    return this.config.schemas ?? ['public'];
  }

  private address(): string {
    return `${this.config.host}:${this.config.port ?? 5432}`;
  }

  private cursorColumn(table: Table): string | undefined {
    const configured = this.config.cursorColumns?.[streamName(table)];
    if (configured) {
      if (!table.columns.some((c) => c.name === configured)) {
        throw new SourceError(SourceErrorCode.InvalidConfig, `cursor column "${configured}" does not exist in ${streamName(table)}`, 'config.cursorColumns');
      }
      return configured;
    }
    const updatedAt = UPDATED_AT_NAMES.map((name) => table.columns.find((c) => c.name.toLowerCase() === name && TIMESTAMP_TYPES.has(c.dataType))).find(Boolean);
    if (updatedAt) return updatedAt.name;
    const [key] = table.keyColumns;
    const keyType = table.columns.find((c) => c.name === key)?.dataType;
    return table.keyColumns.length === 1 && keyType && INTEGER_TYPES.has(keyType) ? key : undefined;
  }

  /** Tables and views of the allowed schemas that this user can see, with columns and primary keys. */
  private async tables(): Promise<Table[]> {
    const schemas = this.schemas();
    const { rows: columns } = await this.db().query<{ table_schema: string; table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.is_nullable
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = ANY($1) AND t.table_type IN ('BASE TABLE', 'VIEW')
        ORDER BY c.table_schema, c.table_name, c.ordinal_position`,
      [schemas],
    );
    const { rows: keys } = await this.db().query<{ table_schema: string; table_name: string; column_name: string }>(
      `SELECT k.table_schema, k.table_name, k.column_name
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage k
           ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
        WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = ANY($1)
        ORDER BY k.table_schema, k.table_name, k.ordinal_position`,
      [schemas],
    );
    const tables = new Map<string, Table>();
    for (const row of columns) {
      const id = JSON.stringify([row.table_schema, row.table_name]);
      let table = tables.get(id);
      if (!table) tables.set(id, (table = { schema: row.table_schema, name: row.table_name, columns: [], keyColumns: [] }));
      table.columns.push({ name: row.column_name, dataType: row.data_type, nullable: row.is_nullable === 'YES' });
    }
    for (const key of keys) tables.get(JSON.stringify([key.table_schema, key.table_name]))?.keyColumns.push(key.column_name);
    return [...tables.values()];
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw this.explain(error);
    }
  }

  /** A driver or server error, as a SourceError saying what to do about it. */
  private explain(error: unknown): SourceError {
    if (error instanceof SourceError) return error;
    return explainPostgresError(error, {
      address: this.address(),
      database: this.config.database,
      user: this.credentials.user,
      sslmode: this.sslmode(),
    });
  }
}

/** What the error explanation needs to name. */
export interface PostgresTarget {
  address: string;
  database: string;
  user: string;
  sslmode: SslMode;
}

/** Maps node-postgres / server errors to SourceErrors a user can act on. */
export function explainPostgresError(error: unknown, target: PostgresTarget): SourceError {
  const { code, message } = error as { code?: string; message?: string };
  const text = message ?? String(error);
  const { address, database, user } = target;
  switch (code) {
    case 'ECONNREFUSED':
      return new SourceError(SourceErrorCode.Unreachable, `connection refused at ${address}: check the host and port, and that PostgreSQL accepts connections from this server`, 'config.host');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SourceError(SourceErrorCode.Unreachable, `host not found: ${address.replace(/:\d+$/, '')} does not resolve; check the host name`, 'config.host');
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new SourceError(SourceErrorCode.Unreachable, `no route to ${address}: check the host, port and firewall (${code})`, 'config.host');
    case '3D000':
      return new SourceError(SourceErrorCode.InvalidConfig, `database "${database}" does not exist on ${address}`, 'config.database');
    case '28P01':
      return new SourceError(SourceErrorCode.AuthFailed, `password authentication failed for user "${user}": check the user name and password`, 'credentials.password');
    case '28000':
      // pg_hba.conf refused the connection; "SSL off" means the server only accepts TLS here.
      return /SSL off|no encryption/i.test(text)
        ? new SourceError(SourceErrorCode.TlsFailed, `the server requires TLS: set sslmode to require (or verify-full with its CA certificate)`, 'config.sslmode')
        : new SourceError(SourceErrorCode.AuthFailed, `the server refused user "${user}" for database "${database}": ${text}`, 'credentials.user');
    case '42501':
      return new SourceError(SourceErrorCode.AuthFailed, `user "${user}" lacks a privilege: ${text}; grant it SELECT on the tables to read`, 'credentials.user');
    case '57014':
      return new SourceError(SourceErrorCode.Timeout, `PostgreSQL cancelled the query (statement timeout): ${text}`);
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new SourceError(SourceErrorCode.TlsFailed, `the server's TLS certificate is not trusted (${code}): give its CA certificate in caCert, or use sslmode require`, 'config.caCert');
  }
  if (/does not support SSL/i.test(text)) {
    return new SourceError(SourceErrorCode.TlsFailed, `the server at ${address} does not accept TLS: set sslmode to disable, or enable ssl on the server`, 'config.sslmode');
  }
  if (/timeout/i.test(text)) {
    return new SourceError(SourceErrorCode.Timeout, `no answer from ${address} in time: check the host, port and firewall (${text})`, 'config.host');
  }
  return new SourceError(SourceErrorCode.BadResponse, `PostgreSQL at ${address} failed: ${text}`);
}

/** node-postgres TLS options for a libpq sslmode. */
export function tlsOptions(mode: SslMode, ca: string | undefined, host: string): false | ConnectionOptions {
  switch (mode) {
    case 'disable':
      return false;
    case 'require':
      // libpq: with a root certificate, require behaves as verify-ca.
      return ca ? tlsOptions('verify-ca', ca, host) : { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, ca, servername: host };
  }
}

/** Our logical type for an information_schema data_type. */
function logicalType(dataType: string): LogicalType {
  if (INTEGER_TYPES.has(dataType)) return 'integer';
  if (TIMESTAMP_TYPES.has(dataType)) return 'timestamp';
  switch (dataType) {
    case 'numeric':
    case 'real':
    case 'double precision':
      return 'decimal';
    case 'money':
      return 'money_text';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'uuid':
      return 'id';
    case 'json':
    case 'jsonb':
    case 'ARRAY':
      return 'json';
    default:
      return 'string';
  }
}

function streamName(table: Table): string {
  return `${table.schema}.${table.name}`;
}

/**
 * The read query. PostgreSQL converts each value to text: `to_json` gives ISO dates, exact
 * numerics and JSON arrays, `#>> '{}'` unwraps the scalars; json columns keep their own text.
 * The cursor parameter is sent untyped, so PostgreSQL reads it as the cursor column's type.
 */
function selectStatement(table: Table, cursorColumn: string | undefined, cursor: string | null): { text: string; values: string[] } {
  const from = `${escapeIdentifier(table.schema)}.${escapeIdentifier(table.name)}`;
  const select = table.columns
    .map(({ name, dataType }) => {
      const column = escapeIdentifier(name);
      return `${dataType === 'json' || dataType === 'jsonb' ? `${column}::text` : `to_json(${column}) #>> '{}'`} AS ${column}`;
    })
    .join(', ');
  const order = [...new Set([cursorColumn, ...table.keyColumns].filter((c): c is string => !!c))].map(escapeIdentifier);
  const strict = cursorColumn !== undefined && table.keyColumns.length === 1 && table.keyColumns[0] === cursorColumn;
  const where = cursorColumn && cursor !== null ? ` WHERE ${escapeIdentifier(cursorColumn)} ${strict ? '>' : '>='} $1` : '';
  return {
    text: `SELECT ${select} FROM ${from}${where}${order.length ? ` ORDER BY ${order.join(', ')}` : ''}`,
    values: where ? [cursor!] : [],
  };
}
