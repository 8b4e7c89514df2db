import { Injectable } from '@nestjs/common';
import { DuckDbEngine } from './duckdb.engine';
import { CANONICAL_TABLES, VIEWS } from './view-catalog';
import { createEmptyCanonicalTable, describeView, ViewColumn } from './view-sql';

/** Each view's columns, as DuckDB types them: planned once per process on empty tables. */
@Injectable()
export class ViewSchemas {
  private columns?: Promise<Map<string, ViewColumn[]>>;

  constructor(private readonly engine: DuckDbEngine) {}

  of(view: string): Promise<ViewColumn[]> {
    this.columns ??= this.engine.withConnection(async (duck) => {
      for (const table of CANONICAL_TABLES) await createEmptyCanonicalTable(duck, table);
      const entries: [string, ViewColumn[]][] = [];
      for (const definition of VIEWS) entries.push([definition.name, await describeView(duck, definition)]);
      return new Map(entries);
    });
    return this.columns.then((all) => all.get(view) ?? []);
  }
}

const NUMERIC = /^(DECIMAL|BIGINT|INTEGER|HUGEINT|DOUBLE|FLOAT|SMALLINT|TINYINT|UBIGINT|UINTEGER)/;

/** How a column compares in PostgreSQL once exported to JSON. */
export function columnKind(type: string): 'numeric' | 'boolean' | 'text' {
  if (NUMERIC.test(type)) return 'numeric';
  return type === 'BOOLEAN' ? 'boolean' : 'text';
}
