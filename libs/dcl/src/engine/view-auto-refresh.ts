import { AppConfig, OWNER_DATA_SOURCE, PeriodicJob, RequestContext, systemActor } from '@autonomos/platform';
import { CreateTaskCommand } from '@autonomos/tasks';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CANONICAL_TABLES, VIEWS } from './view-catalog';

// Each view with each entity it reads, for the sweep's one query.
const VIEW_ENTITIES = VIEWS.flatMap((view) => view.reads.map((table) => [view.name, CANONICAL_TABLES.find((t) => t.name === table)!.entity]));

/**
 * Keeps views fresh without anyone asking: every DCL_AUTO_REFRESH_MS the worker looks for
 * tenants whose entity rows changed after one of their views' last refresh, and gives each a
 * `dcl.refresh` task (views whose sources did not change are skipped by the refresh itself).
 * The idempotency key is the latest change, so sweeps that see the same change, on any number
 * of workers, start one task. Rows deleted without any other change wait for the next change.
 */
@Injectable()
export class ViewAutoRefresh extends PeriodicJob {
  constructor(
    @InjectDataSource(OWNER_DATA_SOURCE) private readonly owner: DataSource,
    private readonly config: AppConfig,
    private readonly context: RequestContext,
    private readonly commands: CommandBus,
  ) {
    super();
  }

  override onApplicationBootstrap(): void {
    if (this.config.get('DCL_AUTO_REFRESH_MS') > 0) super.onApplicationBootstrap();
  }

  protected intervalMs(): number {
    return this.config.get('DCL_AUTO_REFRESH_MS');
  }

  protected async tick(): Promise<number> {
    const stale = await this.staleTenants();
    for (const { tenantId, changedAt } of stale) {
      await this.context.run(tenantId, systemActor('view-auto-refresh'), () =>
        this.commands.execute(new CreateTaskCommand('dcl.refresh', {}, `auto-refresh:${changedAt}`)),
      );
    }
    if (stale.length) this.logger.log(`started a view refresh for ${stale.length} tenant(s) whose data changed`);
    return stale.length;
  }

  /** Tenants with a view older than the latest change of an entity it reads (or never refreshed). */
  async staleTenants(): Promise<Array<{ tenantId: string; changedAt: string }>> {
    return this.owner.query(
      `WITH reads (view, entity) AS (SELECT * FROM unnest($1::text[], $2::text[])),
            changed AS (
              SELECT e.tenant_id, r.view, max(e.changed_at) AS changed_at
              FROM dcl_entity_rows e JOIN reads r ON r.entity = e.entity
              GROUP BY e.tenant_id, r.view)
       SELECT c.tenant_id AS "tenantId", to_char(max(c.changed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "changedAt"
       FROM changed c LEFT JOIN dcl_view_refreshes v ON v.tenant_id = c.tenant_id AND v.view = c.view
       WHERE v.refreshed_at IS NULL OR c.changed_at > v.refreshed_at
       GROUP BY c.tenant_id`,
      [VIEW_ENTITIES.map(([view]) => view), VIEW_ENTITIES.map(([, entity]) => entity)],
    );
  }
}
