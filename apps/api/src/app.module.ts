import { AamModule } from '@autonomos/aam';
import { AoaModule } from '@autonomos/aoa';
import { AuthModule } from '@autonomos/auth';
import { DclModule } from '@autonomos/dcl';
import { EventsModule } from '@autonomos/events';
import { HitlModule } from '@autonomos/hitl';
import { NotificationsModule } from '@autonomos/notifications';
import { LlmModule } from '@autonomos/llm';
import { PlatformModule } from '@autonomos/platform';
import { RepairModule } from '@autonomos/repair';
import { TasksModule } from '@autonomos/tasks';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MIGRATIONS } from '../../../migrations';
import { ConnectionsController } from './aam/connections.controller';
import { AoaController } from './aoa/aoa.controller';
import { DriftController } from './aam/drift.controller';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuditController } from './audit/audit.controller';
import { HitlController } from './hitl/hitl.controller';
import { MappingsController } from './mappings/mappings.controller';
import { SagasController } from './sagas/sagas.controller';
import { SchedulesController } from './schedules/schedules.controller';
import { SettingsController } from './settings/settings.controller';
import { AuthController } from './auth/auth.controller';
import { DclController } from './dcl/dcl.controller';
import { DebugController } from './debug/debug.controller';
import { InfrastructureStats } from './debug/infrastructure-stats';
import { EventsController } from './events/events.controller';
import { EventsGateway } from './events/events.gateway';
import { HealthController } from './health/health.controller';
import { LlmController } from './llm/llm.controller';
import { OntologyController } from './ontology/ontology.controller';
import { PilotsController } from './pilots/pilots.controller';
import { RepairController } from './repair/repair.controller';
import { AuthGuard } from './http/auth.guard';
import { ProblemFilter } from './http/problem.filter';
import { Metrics, MetricsController } from './metrics/metrics';
import { TasksController } from './tasks/tasks.controller';
import { UsersController } from './users/users.controller';

@Module({
  imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, applicationName: 'autonomos-api' }), AuthModule, TasksModule, LlmModule, RepairModule, AamModule, EventsModule, DclModule, HitlModule, NotificationsModule, AoaModule],
  controllers: [AuthController, UsersController, ApiKeysController, TasksController, HealthController, MetricsController, OntologyController, LlmController, RepairController, ConnectionsController, DriftController, EventsController, DebugController, DclController, PilotsController, MappingsController, HitlController, AuditController, SettingsController, SchedulesController, SagasController, AoaController],
  providers: [Metrics, EventsGateway, InfrastructureStats, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_FILTER, useClass: ProblemFilter }],
})
export class AppModule {}
