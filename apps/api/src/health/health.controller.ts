import { OWNER_DATA_SOURCE, REDIS } from '@autonomos/platform';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../http/auth.guard';

type Check = { status: 'up' | 'down'; detail?: string };

async function check(probe: () => Promise<string | void>): Promise<Check> {
  try {
    const detail = await probe();
    return detail ? { status: 'up', detail } : { status: 'up' };
  } catch (error) {
    return { status: 'down', detail: (error as Error).message };
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly app: DataSource,
    @InjectDataSource(OWNER_DATA_SOURCE) private readonly owner: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOperation({ operationId: 'live', summary: 'The process is up' })
  @ApiOkResponse()
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  @ApiOperation({ operationId: 'ready', summary: 'PostgreSQL and Redis answer and every migration is applied' })
  @ApiOkResponse()
  @ApiServiceUnavailableResponse()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis, migrations] = await Promise.all([
      check(async () => void (await this.app.query('SELECT 1'))),
      check(async () => void (await this.redis.ping())),
      check(async () => {
        if (await this.owner.showMigrations()) throw new Error('pending migrations');
        return 'all applied';
      }),
    ]);
    const checks = { database, redis, migrations };
    const up = Object.values(checks).every((item) => item.status === 'up');
    reply.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks };
  }
}
