import 'reflect-metadata';
import { AamModule } from '@autonomos/aam';
import { HitlModule } from '@autonomos/hitl';
import { NotificationsModule } from '@autonomos/notifications';
import { PlatformModule, RequestContext, systemActor } from '@autonomos/platform';
import { RepairModule } from '@autonomos/repair';
import { TasksModule, TaskTypeRegistry } from '@autonomos/tasks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MIGRATIONS } from '../../../migrations';

@Module({
  imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, applicationName: 'autonomos-cli' }), TasksModule, AamModule, HitlModule, NotificationsModule, RepairModule],
})
class CliSagaModule {}

/** Runs a saga's task type in the tenant's context, here and now; drift and its repair flow on through the outbox to the workers. */
export async function runSagaTask(tenantId: string, type: string, payload: object, progress: (percent: number, message?: string) => void): Promise<object | void> {
  const app = await NestFactory.createApplicationContext(CliSagaModule, { logger: ['error'] });
  try {
    const registry = app.get(TaskTypeRegistry);
    const valid = await registry.validatePayload(type, payload);
    return await app.get(RequestContext).run(tenantId, systemActor('cli'), () =>
      registry.get(type).run(valid, { taskId: 'cli', tenantId, attempt: 1, progress: async (percent, message) => progress(percent, message) }),
    );
  } finally {
    await app.close();
  }
}
