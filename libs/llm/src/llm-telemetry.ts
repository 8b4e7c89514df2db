import { AppConfig, REDIS } from '@autonomos/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';

/** What one tenant spent on the LLM on one UTC day. */
export interface LlmUsageDay {
  date: string;
  calls: number;
  failures: number;
  /** Calls not made because the tenant's daily token budget was spent. */
  overBudget: number;
  promptTokens: number;
  completionTokens: number;
}

type Counter = Exclude<keyof LlmUsageDay, 'date'>;
const COUNTERS: readonly Counter[] = ['calls', 'failures', 'overBudget', 'promptTokens', 'completionTokens'];
// Long enough for a quarter's report; Redis forgets older days by itself.
const RETENTION_SECONDS = 100 * 86400;

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** Per-tenant LLM counters in Redis: one hash per tenant per UTC day, shared by every process. */
@Injectable()
export class LlmTelemetry {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private key(tenantId: string, date: string): string {
    return `${this.config.get('REDIS_PREFIX')}:llm:usage:${tenantId}:${date}`;
  }

  async record(tenantId: string, usage: Partial<Record<Counter, number>>, now = new Date()): Promise<void> {
    const key = this.key(tenantId, utcDay(now));
    const multi = this.redis.multi();
    for (const [counter, value] of Object.entries(usage)) if (value) multi.hincrby(key, counter, value);
    await multi.expire(key, RETENTION_SECONDS).exec();
  }

  async tokensToday(tenantId: string, now = new Date()): Promise<number> {
    const [prompt, completion] = await this.redis.hmget(this.key(tenantId, utcDay(now)), 'promptTokens', 'completionTokens');
    return Number(prompt ?? 0) + Number(completion ?? 0);
  }

  /** The last `days` days, newest first, zeros included. */
  async lastDays(tenantId: string, days: number, now = new Date()): Promise<LlmUsageDay[]> {
    const dates = Array.from({ length: days }, (_, i) => utcDay(new Date(now.getTime() - i * 86400_000)));
    const pipeline = this.redis.pipeline();
    for (const date of dates) pipeline.hgetall(this.key(tenantId, date));
    const results = (await pipeline.exec()) ?? [];
    return dates.map((date, i) => {
      const hash = (results[i]?.[1] ?? {}) as Record<string, string>;
      return { date, ...Object.fromEntries(COUNTERS.map((c) => [c, Number(hash[c] ?? 0)])) } as LlmUsageDay;
    });
  }
}
