import { AamModule } from '@autonomos/aam';
import { AuthModule } from '@autonomos/auth';
import { EventsModule } from '@autonomos/events';
import { LlmModule } from '@autonomos/llm';
import { PlatformModule } from '@autonomos/platform';
import { RepairModule } from '@autonomos/repair';
import { TasksModule } from '@autonomos/tasks';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MIGRATIONS } from '../../../migrations';
import { ConnectionsController } from './aam/connections.controller';
import { DriftController } from './aam/drift.controller';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthController } from './auth/auth.controller';
import { DebugController } from './debug/debug.controller';
import { InfrastructureStats } from './debug/infrastructure-stats';
import { EventsController } from './events/events.controller';
import { EventsGateway } from './events/events.gateway';
import { HealthController } from './health/health.controller';
import { LlmController } from './llm/llm.controller';
import { OntologyController } from './ontology/ontology.controller';
import { RepairController } from './repair/repair.controller';
import { AuthGuard } from './http/auth.guard';
import { ProblemFilter } from './http/problem.filter';
import { Metrics, MetricsController } from './metrics/metrics';
import { TasksController } from './tasks/tasks.controller';
import { UsersController } from './users/users.controller';

@Module({
  imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, applicationName: 'autonomos-api' }), AuthModule, TasksModule, LlmModule, RepairModule, AamModule, EventsModule],
  controllers: [AuthController, UsersController, ApiKeysController, TasksController, HealthController, MetricsController, OntologyController, LlmController, RepairController, ConnectionsController, DriftController, EventsController, DebugController],
  providers: [Metrics, EventsGateway, InfrastructureStats, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_FILTER, useClass: ProblemFilter }],
})
export class AppModule {}
