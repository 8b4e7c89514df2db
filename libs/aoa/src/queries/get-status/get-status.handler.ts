import { ListConnectionsQuery } from '@autonomos/aam';
import { ListViewsQuery } from '@autonomos/dcl';
import { ListReviewItemsQuery, type ReviewItemView } from '@autonomos/hitl';
import { GetLlmTelemetryQuery } from '@autonomos/llm';
import { TenantDb } from '@autonomos/platform';
import { ListTasksQuery, type TaskView } from '@autonomos/tasks';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { AssetEntity } from '../../entities/asset.entity';
import { PIPELINE_RUN } from '../../sagas/pipeline-run/pipeline-run.task';
import { AoaStatus, GetStatusQuery, LastSync } from './get-status.query';

const PAGE = 500;
// Enough history for any tenant's connections; beyond it a connection shows no last sync.
const MAX_SYNC_PAGES = 10;

interface SyncResult {
  read?: number;
  written?: number;
  streams?: { driftIds?: string[] }[];
}

@QueryHandler(GetStatusQuery)
export class GetStatusHandler implements IQueryHandler<GetStatusQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly queries: QueryBus,
  ) {}

  async execute(): Promise<AoaStatus> {
    const [connections, lastSyncs, openReviews, views, llm, assets, runs] = await Promise.all([
      this.queries.execute(new ListConnectionsQuery()),
      this.lastSyncs(),
      this.openReviews(),
      this.queries.execute(new ListViewsQuery()),
      this.queries.execute(new GetLlmTelemetryQuery(1)),
      this.assetCounts(),
      this.queries.execute(new ListTasksQuery({ type: PIPELINE_RUN }, 1)),
    ]);
    const pending = openReviews.filter((item) => item.status === 'pending');
    const byKind: Record<string, number> = { mapping: 0, asset: 0 };
    for (const item of pending) byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
    const openDrifts = new Set(openReviews.filter((item) => item.kind === 'mapping').map((item) => item.payload.driftId).filter(Boolean));
    const latestSync = Math.max(0, ...[...lastSyncs.values()].map((s) => (s.finishedAt ? Date.parse(s.finishedAt) : 0)));
    const today = llm.days[0];
    const run = runs.items[0];
    return {
      connections: connections.map((c) => ({ id: c.id, name: c.name, kind: c.kind, lastSync: lastSyncs.get(c.id) ?? null })),
      drift: { open: openDrifts.size },
      reviews: { pending: pending.length, byKind },
      views: views.map((v) => ({ name: v.name, refreshedAt: v.refreshedAt, rowCount: v.rowCount, stale: latestSync > 0 && (!v.refreshedAt || Date.parse(v.refreshedAt) < latestSync) })),
      llm: {
        enabled: llm.status.enabled,
        detail: llm.status.enabled ? `${llm.status.provider} ${llm.status.model}` : llm.status.reason,
        callsToday: today.calls,
        tokensToday: today.promptTokens + today.completionTokens,
        tokensLeftToday: llm.tokensLeftToday,
      },
      assets,
      lastRun: run
        ? { taskId: run.id, status: run.status, progress: run.progress, progressMessage: run.progressMessage, createdAt: run.createdAt, finishedAt: run.finishedAt }
        : null,
    };
  }

  /** The newest `aam.sync` task of each connection. */
  private async lastSyncs(): Promise<Map<string, LastSync>> {
    const found = new Map<string, LastSync>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      const { items, nextCursor } = await this.queries.execute(new ListTasksQuery({ type: 'aam.sync' }, PAGE, cursor));
      for (const task of items) {
        const connectionId = (task.payload as { connectionId?: string }).connectionId;
        if (connectionId && !found.has(connectionId)) found.set(connectionId, toLastSync(task));
      }
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    return found;
  }

  /** Every item still waiting for a decision: pending, or flagged (escalated to an admin). */
  private async openReviews(): Promise<ReviewItemView[]> {
    const items: ReviewItemView[] = [];
    for (const status of ['pending', 'flagged'] as const) {
      let cursor: string | undefined;
      do {
        const page = await this.queries.execute(new ListReviewItemsQuery({ status }, PAGE, cursor));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    return items;
  }

  private async assetCounts(): Promise<AoaStatus['assets']> {
    const rows: { level: 'high' | 'medium' | 'low'; count: string }[] = await this.db.transaction((manager) =>
      manager.createQueryBuilder(AssetEntity, 'a').select('a.risk_level', 'level').addSelect('count(*)', 'count').groupBy('a.risk_level').getRawMany(),
    );
    const counts = { total: 0, high: 0, medium: 0, low: 0 };
    for (const row of rows) {
      counts[row.level] = Number(row.count);
      counts.total += Number(row.count);
    }
    return counts;
  }
}

function toLastSync(task: TaskView): LastSync {
  const result = (task.result ?? {}) as SyncResult;
  return {
    taskId: task.id,
    status: task.status,
    finishedAt: task.finishedAt,
    read: result.read ?? 0,
    written: result.written ?? 0,
    drifts: (result.streams ?? []).reduce((sum, s) => sum + (s.driftIds?.length ?? 0), 0),
  };
}
