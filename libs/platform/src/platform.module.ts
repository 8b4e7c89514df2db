import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { MixedList } from 'typeorm';
import { AppConfig, loadConfig } from './config/app-config';
import { RequestContext } from './context/request-context';
import { OWNER_DATA_SOURCE } from './database/database.tokens';
import { TenantDb } from './database/tenant-db';
import { loggerOptions } from './logging/logger-options';
import { Outbox } from './outbox/outbox';
import { OutboxEventEntity } from './outbox/outbox-event.entity';
import { TenantEntity } from './tenancy/tenant.entity';
import { createRedis, REDIS, redisOptions } from './redis/redis';
import { SecretBox } from './secrets/secret-box';

export interface PlatformOptions {
  /** Migration classes, handed in by the app (libs do not reach into /migrations). */
  migrations: MixedList<Function>;
  /** Application name in pg_stat_activity and logs. */
  applicationName: 'autonomos-api' | 'autonomos-worker' | 'autonomos-cli';
}

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

/**
 * Config, database (application role + owner), Redis, request context, logging and CQRS:
 * what every app and every domain stands on.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const config = new AppConfig(loadConfig());
    const providers: Provider[] = [
      { provide: AppConfig, useValue: config },
      { provide: REDIS, useFactory: () => createRedis(config.get('REDIS_URL')) },
      RedisCloser,
      RequestContext,
      TenantDb,
      Outbox,
      SecretBox,
    ];
    return {
      module: PlatformModule,
      imports: [
        // ClsService only: each entry point enters the context itself (the api's onRequest hook,
        // jobs, CLI). ClsModule.forRoot would also add a global guard and interceptor, which
        // cost the rxjs interceptor pipeline on every request even when they do nothing.
        ClsModule,
        LoggerModule.forRoot(loggerOptions(config)),
        CqrsModule.forRoot(),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.get('DATABASE_URL'),
          applicationName: options.applicationName,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          extra: { max: config.get('DATABASE_POOL_SIZE') },
        }),
        TypeOrmModule.forRoot({
          name: OWNER_DATA_SOURCE,
          type: 'postgres',
          url: config.get('DATABASE_OWNER_URL'),
          applicationName: `${options.applicationName}-owner`,
          entities: [],
          migrations: options.migrations,
          migrationsTableName: 'migrations',
          synchronize: false,
          migrationsRun: false,
          extra: { max: 4 },
        }),
        TypeOrmModule.forFeature([OutboxEventEntity, TenantEntity]),
        BullModule.forRoot({ connection: redisOptions(config.get('REDIS_URL')), prefix: config.get('REDIS_PREFIX') }),
      ],
      providers,
      exports: [AppConfig, REDIS, RequestContext, TenantDb, Outbox, SecretBox, CqrsModule, TypeOrmModule, BullModule],
    };
  }
}
