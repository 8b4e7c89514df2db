import { AamModule } from '@autonomos/aam';
import { AoaModule } from '@autonomos/aoa';
import { DclModule } from '@autonomos/dcl';
import { OutboxRelay, PlatformModule } from '@autonomos/platform';
import { HitlModule } from '@autonomos/hitl';
import { NotificationsModule } from '@autonomos/notifications';
import { RepairModule, SagaRecovery } from '@autonomos/repair';
import { TaskReconciler, TasksModule } from '@autonomos/tasks';
import { Module } from '@nestjs/common';
import { MIGRATIONS } from '../../../migrations';
import { DclStreamConsumer } from './dcl/dcl-stream.consumer';
import { NotificationProcessor } from './notification.processor';
import { ScheduleProcessor } from './schedule.processor';
import { TaskProcessor } from './task.processor';

@Module({
  imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, applicationName: 'autonomos-worker' }), TasksModule, RepairModule, AamModule, DclModule, HitlModule, NotificationsModule, AoaModule],
  providers: [TaskProcessor, OutboxRelay, TaskReconciler, DclStreamConsumer, SagaRecovery, NotificationProcessor, ScheduleProcessor],
})
export class WorkerModule {}
