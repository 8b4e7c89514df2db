import { REDIS, RequestContext, TenantDb, tenantEventsStream } from '@autonomos/platform';
import { TaskQueue } from '@autonomos/tasks';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import type { OutboxStatsDto, QueueStatsDto, StreamStatsDto } from './debug.dto';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused', 'completed', 'failed'] as const;

/** XINFO answers flat [name, value, name, value, …] lists. */
const fields = (reply: unknown[]): Record<string, unknown> => Object.fromEntries(Array.from({ length: reply.length / 2 }, (_, i) => [reply[2 * i], reply[2 * i + 1]]));

/**
 * Read-only numbers for operators. Streams and the outbox are scoped to the caller's tenant
 * (keys built from its id, row-level security); the queue is shared infrastructure.
 */
@Injectable()
export class InfrastructureStats {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly context: RequestContext,
    private readonly db: TenantDb,
    private readonly tasks: TaskQueue,
  ) {}

  /** The tenant's event stream and its DCL streams (`aam:dcl:{tenant}:*`, dead-letter streams end in `:dead`). */
  async streams(): Promise<StreamStatsDto[]> {
    const tenantId = this.context.tenantId;
    const dcl: string[] = [];
    const scan = this.redis.scanStream({ match: `aam:dcl:${tenantId}:*`, type: 'stream', count: 1000 });
    for await (const batch of scan as AsyncIterable<string[]>) dcl.push(...batch);
    return Promise.all([tenantEventsStream(tenantId), ...dcl.sort()].map((key) => this.stream(key)));
  }

  async queues(): Promise<QueueStatsDto[]> {
    const counts = await this.tasks.queue.getJobCounts(...JOB_STATES);
    return [{ name: this.tasks.queue.name, counts: Object.fromEntries(JOB_STATES.map((state) => [state, counts[state] ?? 0])) as Record<(typeof JOB_STATES)[number], number> }];
  }

  async outbox(): Promise<OutboxStatsDto> {
    const [row] = await this.db.transaction((manager) =>
      manager.query(
        `SELECT count(*)::int AS unpublished, extract(epoch FROM now() - min(created_at))::float AS "oldestLagSeconds"
           FROM outbox_events WHERE published_at IS NULL`,
      ),
    );
    return { unpublished: row.unpublished, oldestLagSeconds: row.oldestLagSeconds ?? 0 };
  }

  private async stream(key: string): Promise<StreamStatsDto> {
    const [info, groups] = await Promise.all([
      this.redis.call('XINFO', 'STREAM', key).catch(() => undefined) as Promise<unknown[] | undefined>,
      this.redis.call('XINFO', 'GROUPS', key).catch(() => []) as Promise<unknown[][]>,
    ]);
    const stream = info ? fields(info) : {};
    return {
      key,
      kind: key.endsWith(':dead') ? 'dead_letter' : key === tenantEventsStream(this.context.tenantId) ? 'events' : 'dcl',
      length: Number(stream.length ?? 0),
      firstId: (stream['first-entry'] as string[] | null)?.[0] ?? null,
      lastId: stream['last-generated-id'] && stream['last-generated-id'] !== '0-0' ? String(stream['last-generated-id']) : null,
      groups: groups.map((group) => {
        const g = fields(group);
        return { name: String(g.name), consumers: Number(g.consumers), pending: Number(g.pending), lag: g.lag === null ? null : Number(g.lag) };
      }),
    };
  }
}
