import type { DuckDBConnection } from '@duckdb/node-api';
import { CanonicalTable, ViewDefinition } from './view-catalog';

export interface ViewColumn {
  name: string;
  /** DuckDB type, e.g. DECIMAL(38,10), VARCHAR, BIGINT, DATE. */
  type: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Loads a canonical table from a headerless CSV of (connection_id, record_key, …fields as text). */
export async function loadCanonicalTable(connection: DuckDBConnection, table: CanonicalTable, csvPath: string): Promise<void> {
  const columns = ['connection_id', 'record_key', ...table.fields].map((name) => `${literal(name)}: 'VARCHAR'`).join(', ');
  await connection.run(`CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM read_csv(${literal(csvPath)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${table.name} AS ${table.sql}`);
  await connection.run('DROP TABLE raw');
}

/** Empty canonical tables: enough to describe and plan the views. */
export async function createEmptyCanonicalTable(connection: DuckDBConnection, table: CanonicalTable): Promise<void> {
  const columns = ['connection_id', 'record_key', ...table.fields].map((name) => `${ident(name)} VARCHAR`).join(', ');
  await connection.run(`CREATE OR REPLACE TEMP TABLE raw (${columns})`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${table.name} AS ${table.sql}`);
  await connection.run('DROP TABLE raw');
}

export async function describeView(connection: DuckDBConnection, view: ViewDefinition): Promise<ViewColumn[]> {
  const reader = await connection.runAndReadAll(`DESCRIBE ${view.sql}`);
  return reader.getRowObjectsJson().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}

/**
 * Writes the view's rows as newline-delimited JSON objects, in the view's order. Decimals
 * leave as exact strings (trailing zeros trimmed), never as JSON numbers a reader would parse
 * into floats.
 */
export async function exportView(connection: DuckDBConnection, view: ViewDefinition, columns: ViewColumn[], jsonPath: string): Promise<void> {
  const select = columns
    .map(({ name, type }) => {
      const column = `v.${ident(name)}`;
      const text = `CAST(${column} AS VARCHAR)`;
      const value = type.startsWith('DECIMAL') ? `CASE WHEN contains(${text}, '.') THEN rtrim(rtrim(${text}, '0'), '.') ELSE ${text} END` : column;
      return `${value} AS ${ident(name)}`;
    })
    .join(', ');
  await connection.run(`COPY (SELECT ${select} FROM (${view.sql}) v) TO ${literal(jsonPath)} (FORMAT json)`);
}
