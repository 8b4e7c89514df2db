import { OutboxRelay, PlatformModule } from '@autonomos/platform';
import { TasksModule } from '@autonomos/tasks';
import { Module } from '@nestjs/common';
import { MIGRATIONS } from '../../../migrations';
import { TaskProcessor } from './task.processor';

@Module({
  imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, applicationName: 'autonomos-worker' }), TasksModule],
  providers: [TaskProcessor, OutboxRelay],
})
export class WorkerModule {}
