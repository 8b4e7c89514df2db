import { BullModule } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { demoEchoTask } from './builtin/demo-echo.task';
import { CancelTaskHandler } from './commands/cancel-task/cancel-task.handler';
import { CreateTaskHandler } from './commands/create-task/create-task.handler';
import { RetryTaskHandler } from './commands/retry-task/retry-task.handler';
import { RunTaskHandler } from './commands/run-task/run-task.handler';
import { TaskEntity } from './entities/task.entity';
import { GetTaskHandler } from './queries/get-task/get-task.handler';
import { ListTasksHandler } from './queries/list-tasks/list-tasks.handler';
import { TaskQueue, TASKS_QUEUE } from './task-queue';
import { TaskStore } from './task-store';
import { TaskTypeRegistry } from './task-type-registry';

@Module({
  imports: [TypeOrmModule.forFeature([TaskEntity]), BullModule.registerQueue({ name: TASKS_QUEUE })],
  providers: [
    TaskTypeRegistry,
    TaskQueue,
    TaskStore,
    CreateTaskHandler,
    CancelTaskHandler,
    RetryTaskHandler,
    RunTaskHandler,
    GetTaskHandler,
    ListTasksHandler,
  ],
  exports: [TaskTypeRegistry, TaskQueue, BullModule],
})
export class TasksModule implements OnModuleInit {
  constructor(private readonly registry: TaskTypeRegistry) {}

  onModuleInit(): void {
    this.registry.register(demoEchoTask);
  }
}
