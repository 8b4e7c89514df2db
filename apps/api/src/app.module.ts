import { AuthModule } from '@autonomos/auth';
import { PlatformModule } from '@autonomos/platform';
import { TasksModule } from '@autonomos/tasks';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MIGRATIONS } from '../../../migrations';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthController } from './auth/auth.controller';
import { HealthController } from './health/health.controller';
import { AuthGuard } from './http/auth.guard';
import { ProblemFilter } from './http/problem.filter';
import { Metrics, MetricsController } from './metrics/metrics';
import { TasksController } from './tasks/tasks.controller';
import { UsersController } from './users/users.controller';

@Module({
  imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, applicationName: 'autonomos-api' }), AuthModule, TasksModule],
  controllers: [AuthController, UsersController, ApiKeysController, TasksController, HealthController, MetricsController],
  providers: [Metrics, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_FILTER, useClass: ProblemFilter }],
})
export class AppModule {}
