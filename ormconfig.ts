// The DataSource the TypeORM CLI uses (migration:generate, schema:log): the schema owner's
// connection, every entity, every migration. Run from dist/ after `npm run build`.
import 'reflect-metadata';
import { AuditEventEntity, ConnectionEntity, DriftEntity, QuarantinedRecordEntity, SchemaVersionEntity } from '@autonomos/aam';
import { ApiKeyEntity, RefreshTokenEntity, UserEntity } from '@autonomos/auth';
import { OutboxEventEntity, TenantEntity } from '@autonomos/platform';
import { MappingMemoryEntity } from '@autonomos/repair';
import { TaskEntity } from '@autonomos/tasks';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [TenantEntity, UserEntity, RefreshTokenEntity, ApiKeyEntity, TaskEntity, OutboxEventEntity,
  ConnectionEntity, AuditEventEntity, SchemaVersionEntity, DriftEntity, QuarantinedRecordEntity, MappingMemoryEntity];

export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_OWNER_URL ?? 'postgres://postgres@127.0.0.1:5432/autonomos',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'migrations',
  synchronize: false,
});
