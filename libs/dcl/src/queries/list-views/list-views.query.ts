import { Query } from '@nestjs/cqrs';
import type { ViewColumn } from '../../engine/view-sql';

export interface ViewSummary {
  name: string;
  domain: string;
  description: string;
  reads: string[];
  columns: ViewColumn[];
  /** The tenant's last refresh; null before the first. */
  refreshedAt: string | null;
  rowCount: number | null;
  durationMs: number | null;
}

export class ListViewsQuery extends Query<ViewSummary[]> {}
