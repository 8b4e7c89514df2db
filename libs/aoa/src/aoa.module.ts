import { HitlModule, ReviewKinds } from '@autonomos/hitl';
import { TasksModule, TaskTypeRegistry } from '@autonomos/tasks';
import { Module, OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DiscoveryAgent } from './agent/discovery.agent';
import { AodClient } from './aod/aod.client';
import { AssetReviewKind } from './asset-review.kind';
import { DemoScanHandler } from './commands/demo-scan/demo-scan.handler';
import { DiscoverHandler } from './commands/discover/discover.handler';
import { StartRunHandler } from './commands/start-run/start-run.handler';
import { DiscoveryStore } from './discovery.store';
import { AssetEntity } from './entities/asset.entity';
import { DiscoveryEntity } from './entities/discovery.entity';
import { GetStatusHandler } from './queries/get-status/get-status.handler';
import { ListAssetsHandler } from './queries/list-assets/list-assets.handler';
import { pipelineRunTask } from './sagas/pipeline-run/pipeline-run.task';

/**
 * The AOA: discovery through AOD, the demo scan into the HITL queue, the tenant's pipeline run
 * and its status. Its run and status call other domains only through their commands and queries,
 * so the app that loads it must load them too (AAM, tasks, DCL, HITL, LLM).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AssetEntity, DiscoveryEntity]), TasksModule, HitlModule],
  providers: [AodClient, DiscoveryAgent, DiscoveryStore, AssetReviewKind, DiscoverHandler, DemoScanHandler, StartRunHandler, GetStatusHandler, ListAssetsHandler],
})
export class AoaModule implements OnModuleInit {
  constructor(
    private readonly tasks: TaskTypeRegistry,
    private readonly kinds: ReviewKinds,
    private readonly assetKind: AssetReviewKind,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  onModuleInit(): void {
    this.kinds.register('asset', this.assetKind);
    this.tasks.register(pipelineRunTask(this.commands, this.queries));
  }
}
