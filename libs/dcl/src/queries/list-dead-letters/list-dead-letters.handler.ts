import { REDIS, RequestContext } from '@autonomos/platform';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import Redis from 'ioredis';
import { DeadLetter, ListDeadLettersQuery } from './list-dead-letters.query';

@QueryHandler(ListDeadLettersQuery)
export class ListDeadLettersHandler implements IQueryHandler<ListDeadLettersQuery> {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly context: RequestContext,
  ) {}

  async execute({ limit }: ListDeadLettersQuery): Promise<DeadLetter[]> {
    // Keys are built from the caller's tenant: another tenant's dead letters are never scanned.
    const keys: string[] = [];
    const scan = this.redis.scanStream({ match: `aam:dcl:${this.context.tenantId}:*:dead`, type: 'stream', count: 1000 });
    for await (const batch of scan as AsyncIterable<string[]>) keys.push(...batch);
    const letters: DeadLetter[] = [];
    for (const key of keys.sort()) {
      for (const [id, flat] of await this.redis.xrevrange(key, '+', '-', 'COUNT', limit)) {
        const fields = Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]));
        letters.push({
          stream: key,
          id,
          sourceId: fields.sourceId ?? '',
          connectionId: fields.connectionId ?? '',
          table: tableOf(fields.payload),
          deliveries: Number(fields.deliveries ?? 0),
          error: fields.error ?? '',
          deadAt: new Date(Number(id.split('-')[0])).toISOString(),
        });
      }
    }
    return letters.sort((a, b) => (a.deadAt < b.deadAt ? 1 : -1)).slice(0, limit);
  }
}

function tableOf(payload: string | undefined): string | null {
  try {
    return (JSON.parse(payload ?? '') as { table?: string }).table ?? null;
  } catch {
    return null;
  }
}
