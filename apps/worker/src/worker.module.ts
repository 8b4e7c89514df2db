import { AamModule } from '@autonomos/aam';
import { OutboxRelay, PlatformModule } from '@autonomos/platform';
import { RepairModule } from '@autonomos/repair';
import { TasksModule } from '@autonomos/tasks';
import { Module } from '@nestjs/common';
import { MIGRATIONS } from '../../../migrations';
import { TaskProcessor } from './task.processor';

@Module({
  imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, applicationName: 'autonomos-worker' }), TasksModule, RepairModule, AamModule],
  providers: [TaskProcessor, OutboxRelay],
})
export class WorkerModule {}
