// The DataSource the TypeORM CLI uses (migration:generate, schema:log): the schema owner's
// connection, every entity, every migration. Run from dist/ after `npm run build`.
import 'reflect-metadata';
import { ConnectionEntity, DriftEntity, EventBatchEntity, EventRecordEntity, QuarantinedRecordEntity, SchemaVersionEntity } from '@autonomos/aam';
import { AssetEntity, DiscoveryEntity } from '@autonomos/aoa';
import { ApiKeyEntity, RefreshTokenEntity, UserEntity } from '@autonomos/auth';
import { EntityRowEntity, PendingRecordEntity, ViewRefreshEntity, ViewRowEntity } from '@autonomos/dcl';
import { OutboxEventEntity, TenantEntity } from '@autonomos/platform';
import { AuditEntryEntity, ReviewItemEntity } from '@autonomos/hitl';
import { DeliveryEntity, SlackChannelEntity } from '@autonomos/notifications';
import { MappingEntity, MappingMemoryEntity, MappingRepairEntity, MappingVersionEntity, RepairPolicyEntity, SagaInboxEntity, SagaScheduleEntity } from '@autonomos/repair';
import { TaskEntity } from '@autonomos/tasks';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [TenantEntity, UserEntity, RefreshTokenEntity, ApiKeyEntity, TaskEntity, OutboxEventEntity,
  ConnectionEntity, EventBatchEntity, EventRecordEntity, SchemaVersionEntity, DriftEntity, QuarantinedRecordEntity, MappingMemoryEntity,
  EntityRowEntity, PendingRecordEntity, ViewRowEntity, ViewRefreshEntity,
  MappingEntity, MappingVersionEntity, MappingRepairEntity, RepairPolicyEntity, SagaInboxEntity, SagaScheduleEntity, ReviewItemEntity, AuditEntryEntity,
  SlackChannelEntity, DeliveryEntity, AssetEntity, DiscoveryEntity];

export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_OWNER_URL ?? 'postgres://postgres@127.0.0.1:5432/autonomos',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'migrations',
  synchronize: false,
});
