import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dclErrors } from '../../dcl.errors';
import { getView, VIEWS } from '../../engine/view-catalog';
import { columnKind, ViewSchemas } from '../../engine/view-schemas';
import { GetViewRowsQuery, ViewRowsPage } from './get-view-rows.query';

interface Cursor {
  /** Sort value of the last row (null when it had none) and its position. */
  v: string | null;
  n: number;
}

const COMPARATORS = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

@QueryHandler(GetViewRowsQuery)
export class GetViewRowsHandler implements IQueryHandler<GetViewRowsQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly schemas: ViewSchemas,
  ) {}

  async execute({ view, filters, sort, limit, cursor }: GetViewRowsQuery): Promise<ViewRowsPage> {
    if (!getView(view)) throw dclErrors.viewNotFound(view, VIEWS.map((v) => v.name));
    const kinds = new Map((await this.schemas.of(view)).map((c) => [c.name, columnKind(c.type)]));
    const params: unknown[] = [view];
    const param = (value: unknown) => `$${params.push(value)}`;
    // A column's value as PostgreSQL compares it: numbers as numeric, the rest as text.
    const expr = (column: string, field: string) => {
      const kind = kinds.get(column);
      if (!kind) throw dclErrors.invalidFilter(field, `${view} has no column ${column}; columns: ${[...kinds.keys()].join(', ')}`);
      const text = `(row->>${param(column)})`;
      return { sql: kind === 'numeric' ? `${text}::numeric` : text, kind };
    };
    const where = ['view = $1'];
    for (const filter of filters) {
      const { sql, kind } = expr(filter.column, 'filter');
      if (filter.op === 'contains') {
        where.push(`${sql}::text ILIKE '%' || ${param(filter.value.replace(/[\\%_]/g, '\\$&'))} || '%'`);
        continue;
      }
      if (kind === 'numeric' && !/^-?\d+(\.\d+)?$/.test(filter.value)) throw dclErrors.invalidFilter('filter', `${filter.column} needs a number, got "${filter.value}"`);
      where.push(`${sql} ${COMPARATORS[filter.op]} ${param(filter.value)}${kind === 'numeric' ? '::numeric' : ''}`);
    }
    const key = sort ? expr(sort.column, 'sort') : undefined;
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    if (after && key) {
      const v = param(after.v);
      const n = param(after.n);
      const beyond = sort!.order === 'asc' ? '>' : '<';
      where.push(
        after.v === null
          ? `(${key.sql} IS NULL AND row_no > ${n})`
          : `(${key.sql} IS NULL OR ${key.sql} ${beyond} ${v}${key.kind === 'numeric' ? '::numeric' : ''} OR (${key.sql} = ${v}${key.kind === 'numeric' ? '::numeric' : ''} AND row_no > ${n}))`,
      );
    } else if (after) {
      where.push(`row_no > ${param(after.n)}`);
    }
    const order = key ? `${key.sql} IS NULL, ${key.sql} ${sort!.order}, row_no` : 'row_no';
    const rows: { row_no: number; row: Record<string, unknown>; sort_value: string | null }[] = await this.db.transaction((manager) =>
      manager.query(`SELECT row_no, row, ${key ? `${key.sql}::text` : 'NULL'} AS sort_value FROM dcl_view_rows WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit + 1}`, params),
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      view,
      columns: [...kinds.keys()],
      items: page.map((r) => r.row),
      nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify({ v: last.sort_value, n: last.row_no } satisfies Cursor)).toString('base64url') : null,
    };
  }
}

function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (Number.isInteger(parsed.n) && (parsed.v === null || typeof parsed.v === 'string')) return parsed;
  } catch {
    // falls through to the error below
  }
  throw dclErrors.invalidCursor();
}
