import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ViewRefreshEntity } from '../../entities/view-refresh.entity';
import { VIEWS } from '../../engine/view-catalog';
import { ViewSchemas } from '../../engine/view-schemas';
import { ListViewsQuery, ViewSummary } from './list-views.query';

@QueryHandler(ListViewsQuery)
export class ListViewsHandler implements IQueryHandler<ListViewsQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly schemas: ViewSchemas,
  ) {}

  async execute(): Promise<ViewSummary[]> {
    const refreshes = await this.db.transaction((manager) => manager.find(ViewRefreshEntity));
    const byView = new Map(refreshes.map((r) => [r.view, r]));
    return Promise.all(
      VIEWS.map(async (view) => {
        const last = byView.get(view.name);
        return {
          name: view.name,
          domain: view.domain,
          description: view.description,
          reads: [...view.reads],
          columns: await this.schemas.of(view.name),
          refreshedAt: last?.refreshedAt.toISOString() ?? null,
          rowCount: last?.rowCount ?? null,
          durationMs: last?.durationMs ?? null,
        };
      }),
    );
  }
}
