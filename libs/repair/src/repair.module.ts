import { HitlModule, ReviewKinds } from '@autonomos/hitl';
import { LlmModule } from '@autonomos/llm';
import { NotificationsModule } from '@autonomos/notifications';
import { TasksModule, TaskTypeRegistry } from '@autonomos/tasks';
import { BullModule } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProposeRepairHandler } from './commands/propose-repair/propose-repair.handler';
import { RememberMappingHandler } from './commands/remember-mapping/remember-mapping.handler';
import { MappingMemoryEntity } from './entities/mapping-memory.entity';
import { ApplyReviewDecisionHandler } from './mappings/commands/apply-review-decision/apply-review-decision.handler';
import { ProposeMappingRepairHandler } from './mappings/commands/propose-mapping-repair/propose-mapping-repair.handler';
import { ResolveRepairHandler } from './mappings/commands/resolve-repair/resolve-repair.handler';
import { RollbackMappingHandler } from './mappings/commands/rollback-mapping/rollback-mapping.handler';
import { SetMappingHandler } from './mappings/commands/set-mapping/set-mapping.handler';
import { SetRepairPolicyHandler } from './mappings/commands/set-repair-policy/set-repair-policy.handler';
import { MappingRepairEntity } from './mappings/entities/mapping-repair.entity';
import { MappingVersionEntity } from './mappings/entities/mapping-version.entity';
import { MappingEntity } from './mappings/entities/mapping.entity';
import { RepairPolicyEntity } from './mappings/entities/repair-policy.entity';
import { MappingReviewKind } from './mappings/mapping-review.kind';
import { MappingStore } from './mappings/mapping.store';
import { GetActiveMappingHandler } from './mappings/queries/get-active-mapping/get-active-mapping.handler';
import { GetMappingHistoryHandler } from './mappings/queries/get-mapping-history/get-mapping-history.handler';
import { GetRepairPolicyHandler } from './mappings/queries/get-repair-policy/get-repair-policy.handler';
import { ListMappingsHandler } from './mappings/queries/list-mappings/list-mappings.handler';
import { MatchColumnsHandler } from './queries/match-columns/match-columns.handler';
import { RecallMappingsHandler } from './queries/recall-mappings/recall-mappings.handler';
import { MappingSaga } from './sagas/mapping.saga';
import { RunSagaStepHandler } from './sagas/run-saga-step/run-saga-step.handler';
import { SagaInboxEntity } from './sagas/saga-inbox.entity';
import { SagaScheduleEntity } from './sagas/saga-schedule.entity';
import { sagaTaskTypes } from './sagas/saga-tasks';
import { DeleteScheduleHandler } from './sagas/schedules/delete-schedule/delete-schedule.handler';
import { ListSchedulesHandler } from './sagas/schedules/list-schedules/list-schedules.handler';
import { SAGA_SCHEDULES_QUEUE, ScheduleQueue } from './sagas/schedules/schedule-queue';
import { UpsertScheduleHandler } from './sagas/schedules/upsert-schedule/upsert-schedule.handler';

@Module({
  imports: [
    TypeOrmModule.forFeature([MappingMemoryEntity, MappingEntity, MappingVersionEntity, MappingRepairEntity, RepairPolicyEntity, SagaInboxEntity, SagaScheduleEntity]),
    BullModule.registerQueue({ name: SAGA_SCHEDULES_QUEUE }),
    LlmModule,
    HitlModule,
    NotificationsModule,
    TasksModule,
  ],
  providers: [
    RememberMappingHandler,
    RecallMappingsHandler,
    MatchColumnsHandler,
    ProposeRepairHandler,
    MappingStore,
    MappingReviewKind,
    SetMappingHandler,
    RollbackMappingHandler,
    ProposeMappingRepairHandler,
    ResolveRepairHandler,
    ApplyReviewDecisionHandler,
    SetRepairPolicyHandler,
    GetActiveMappingHandler,
    ListMappingsHandler,
    GetMappingHistoryHandler,
    GetRepairPolicyHandler,
    MappingSaga,
    RunSagaStepHandler,
    ScheduleQueue,
    UpsertScheduleHandler,
    DeleteScheduleHandler,
    ListSchedulesHandler,
  ],
  exports: [BullModule],
})
export class RepairModule implements OnModuleInit {
  constructor(
    private readonly kinds: ReviewKinds,
    private readonly mappingKind: MappingReviewKind,
    private readonly tasks: TaskTypeRegistry,
    private readonly commands: CommandBus,
  ) {}

  onModuleInit(): void {
    this.kinds.register('mapping', this.mappingKind);
    for (const taskType of sagaTaskTypes(this.commands)) this.tasks.register(taskType);
  }
}
