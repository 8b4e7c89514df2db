import { HitlModule } from '@autonomos/hitl';
import { LlmModule } from '@autonomos/llm';
import { TasksModule, TaskTypeRegistry } from '@autonomos/tasks';
import { Module, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LegacyLoadHandler } from './commands/legacy-load/legacy-load.handler';
import { legacyLoadTask } from './commands/legacy-load/legacy-load.task';
import { SetDclSettingsHandler } from './commands/set-dcl-settings/set-dcl-settings.handler';
import { StartLegacyLoadHandler } from './commands/start-legacy-load/start-legacy-load.handler';
import { GetDclSettingsHandler } from './queries/get-dcl-settings/get-dcl-settings.handler';
import { LegacyTenantsHandler } from './queries/legacy-tenants/legacy-tenants.handler';
import { IngestStreamEntryHandler } from './commands/ingest-stream-entry/ingest-stream-entry.handler';
import { RefreshViewsHandler } from './commands/refresh-views/refresh-views.handler';
import { refreshTask } from './commands/refresh-views/refresh.task';
import { ReplayPendingHandler } from './commands/replay-pending/replay-pending.handler';
import { StartRefreshHandler } from './commands/start-refresh/start-refresh.handler';
import { DuckDbEngine } from './engine/duckdb.engine';
import { ViewRefresher } from './engine/view-refresher';
import { ViewSchemas } from './engine/view-schemas';
import { EntityRowEntity } from './entities/entity-row.entity';
import { PendingRecordEntity } from './entities/pending-record.entity';
import { ViewRefreshEntity } from './entities/view-refresh.entity';
import { ViewRowEntity } from './entities/view-row.entity';
import { MappingAppliedListener } from './events/mapping-applied.listener';
import { MappingLookup } from './mapping/mapping.lookup';
import { GetGraphHandler } from './queries/get-graph/get-graph.handler';
import { GetLineageHandler } from './queries/get-lineage/get-lineage.handler';
import { GetPilotSummaryHandler } from './queries/get-pilot-summary/get-pilot-summary.handler';
import { GetViewRowsHandler } from './queries/get-view-rows/get-view-rows.handler';
import { KnownTenantsHandler } from './queries/known-tenants/known-tenants.handler';
import { ListDeadLettersHandler } from './queries/list-dead-letters/list-dead-letters.handler';
import { ListEntityRowsHandler } from './queries/list-entity-rows/list-entity-rows.handler';
import { ListPendingHandler } from './queries/list-pending/list-pending.handler';
import { ListViewsHandler } from './queries/list-views/list-views.handler';
import { StreamInventoryReader } from './queries/stream-inventory';

@Module({
  imports: [TypeOrmModule.forFeature([EntityRowEntity, PendingRecordEntity, ViewRowEntity, ViewRefreshEntity]), TasksModule, LlmModule, HitlModule],
  providers: [
    DuckDbEngine,
    ViewSchemas,
    ViewRefresher,
    MappingLookup,
    StreamInventoryReader,
    MappingAppliedListener,
    IngestStreamEntryHandler,
    ReplayPendingHandler,
    RefreshViewsHandler,
    StartRefreshHandler,
    ListViewsHandler,
    GetViewRowsHandler,
    ListEntityRowsHandler,
    ListPendingHandler,
    ListDeadLettersHandler,
    KnownTenantsHandler,
    GetGraphHandler,
    GetLineageHandler,
    GetPilotSummaryHandler,
    GetDclSettingsHandler,
    SetDclSettingsHandler,
    LegacyTenantsHandler,
    LegacyLoadHandler,
    StartLegacyLoadHandler,
  ],
})
export class DclModule implements OnModuleInit {
  constructor(
    private readonly registry: TaskTypeRegistry,
    private readonly commands: CommandBus,
  ) {}

  onModuleInit(): void {
    this.registry.register(refreshTask(this.commands));
    this.registry.register(legacyLoadTask(this.commands));
  }
}
