import { Query } from '@nestjs/cqrs';

export const FILTER_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface ViewFilter {
  column: string;
  op: FilterOp;
  value: string;
}

export interface ViewRowsPage {
  view: string;
  /** The view's columns, in its own order. */
  columns: string[];
  items: Record<string, unknown>[];
  /** Pass back as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
}

/** A page of a view's exported rows: filtered, sorted (nulls last), keyset-paginated. */
export class GetViewRowsQuery extends Query<ViewRowsPage> {
  constructor(
    readonly view: string,
    readonly filters: ViewFilter[],
    readonly sort: { column: string; order: 'asc' | 'desc' } | undefined,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
