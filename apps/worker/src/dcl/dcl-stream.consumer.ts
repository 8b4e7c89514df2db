import { DCL_STREAM_PATTERN, deadLetterKey, IngestStreamEntryCommand, KnownTenantsQuery, LegacyTenantsQuery, parseDclStreamKey, TableBatch } from '@autonomos/dcl';
import { AppConfig, REDIS, RequestContext, systemActor } from '@autonomos/platform';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

type Entry = [id: string, fields: string[]];
const ERROR_TTL_MS = 7 * 24 * 3600 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads every tenant's DCL streams (`aam:dcl:{tenant}:{source}`) through one consumer group,
 * so any number of workers share the entries. Each entry is handed to the DCL as a command in
 * its tenant's context and acknowledged only once its rows are written. Entries left pending
 * (a dead consumer, a failure) are claimed again after DCL_CLAIM_IDLE_MS; one delivered more
 * than DCL_MAX_DELIVERIES times moves, with its last error, to `<stream>:dead`. Streams of
 * tenants in the DCL's `legacy` mode are left unread (checked at each discovery): their entries
 * wait in the group, read once the tenant is back in `aam` mode.
 */
@Injectable()
export class DclStreamConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DclStreamConsumer.name);
  /** Groups are per deployment (prefix), so deployments sharing a Redis each read everything. */
  private readonly group: string;
  private readonly consumer = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly streams = new Set<string>();
  private readonly ignored = new Set<string>();
  /** Tenants in legacy mode, as of the last discovery. */
  private legacy = new Set<string>();
  private reader?: Redis;
  private loop?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly context: RequestContext,
  ) {
    this.group = `${config.get('REDIS_PREFIX')}:dcl`;
  }

  onApplicationBootstrap(): void {
    // XREADGROUP BLOCK holds its connection: a dedicated one.
    this.reader = this.redis.duplicate();
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    // Ends a blocked read at once; what it had read stays pending and is claimed again.
    this.reader?.disconnect();
    await this.loop;
  }

  private async run(): Promise<void> {
    let discoverAt = 0;
    let claimAt = 0;
    while (!this.stopped) {
      try {
        if (Date.now() >= discoverAt) {
          await this.discover();
          discoverAt = Date.now() + this.config.get('DCL_DISCOVERY_MS');
        }
        if (Date.now() >= claimAt) {
          await this.reclaim();
          claimAt = Date.now() + Math.max(100, this.config.get('DCL_CLAIM_IDLE_MS') / 2);
        }
        if (this.active().length === 0) {
          await sleep(Math.min(this.config.get('DCL_BLOCK_MS'), this.config.get('DCL_DISCOVERY_MS')));
          continue;
        }
        await this.readNew();
      } catch (error) {
        if (this.stopped) return;
        // A stream deleted meanwhile (its connection removed) fails the whole read: expected, not an error.
        const deleted = /UNBLOCKED the stream key no longer exists/.test((error as Error).message);
        if (deleted) this.logger.warn('DCL consumer: a stream was deleted while it was read; finding the streams afresh');
        else this.logger.error(`DCL consumer: ${(error as Error).message}`);
        // Discover the streams afresh.
        this.streams.clear();
        discoverAt = 0;
        await sleep(1000);
      }
    }
  }

  /** SCANs for DCL streams of tenants of this deployment and joins (or creates) the group on each. */
  private async discover(): Promise<void> {
    const found: string[] = [];
    for await (const keys of this.redis.scanStream({ match: DCL_STREAM_PATTERN, type: 'stream', count: 1000 }) as AsyncIterable<string[]>) {
      for (const key of keys) if (parseDclStreamKey(key) && !this.streams.has(key) && !this.ignored.has(key)) found.push(key);
    }
    const known = found.length > 0 ? await this.queries.execute(new KnownTenantsQuery([...new Set(found.map((key) => parseDclStreamKey(key)!.tenantId))])) : new Set<string>();
    for (const key of found) {
      if (!known.has(parseDclStreamKey(key)!.tenantId)) {
        this.ignored.add(key);
        continue;
      }
      await this.redis.xgroup('CREATE', key, this.group, '0').catch((error: Error) => {
        if (!error.message.includes('BUSYGROUP')) throw error;
      });
      this.streams.add(key);
    }
    this.legacy = await this.queries.execute(new LegacyTenantsQuery([...new Set([...this.streams].map((key) => parseDclStreamKey(key)!.tenantId))]));
  }

  /** The streams to read: those of tenants not in legacy mode. */
  private active(): string[] {
    return [...this.streams].filter((key) => !this.legacy.has(parseDclStreamKey(key)!.tenantId));
  }

  private async readNew(): Promise<void> {
    const keys = this.active();
    const reply = (await this.reader!.xreadgroup(
      'GROUP',
      this.group,
      this.consumer,
      'COUNT',
      this.config.get('DCL_READ_COUNT'),
      'BLOCK',
      this.config.get('DCL_BLOCK_MS'),
      'STREAMS',
      ...keys,
      ...keys.map(() => '>'),
    )) as [string, Entry[]][] | null;
    // Entries are written concurrently: a row's entry_seq keeps an older entry from overwriting a newer one.
    await Promise.all((reply ?? []).flatMap(([key, entries]) => entries.map((entry) => this.handle(key, entry))));
  }

  /** Claims entries idle past the limit (their consumer died or failed): retried, or dead-lettered. */
  private async reclaim(): Promise<void> {
    const idle = this.config.get('DCL_CLAIM_IDLE_MS');
    for (const key of this.active()) {
      const [, claimed] = (await this.redis.xautoclaim(key, this.group, this.consumer, idle, '0-0', 'COUNT', 100)) as [string, Entry[]];
      for (const entry of claimed) {
        const [[, , , deliveries]] = (await this.redis.xpending(key, this.group, entry[0], entry[0], 1)) as [string, string, number, number][];
        if (deliveries > this.config.get('DCL_MAX_DELIVERIES')) await this.deadLetter(key, entry, deliveries);
        else await this.handle(key, entry);
      }
    }
  }

  private async handle(key: string, [id, flat]: Entry): Promise<void> {
    const fields = toFields(flat);
    const { tenantId } = parseDclStreamKey(key)!;
    try {
      const batch = JSON.parse(fields.payload ?? '') as TableBatch;
      await this.context.run(tenantId, systemActor('dcl-consumer'), () => this.commands.execute(new IngestStreamEntryCommand(fields.connectionId, id, batch)));
      await this.redis.xack(key, this.group, id);
    } catch (error) {
      // Left pending: claimed again after the idle time, until it succeeds or is dead-lettered.
      const message = (error as Error).message;
      this.logger.warn(`DCL entry ${key} ${id} failed: ${message}`);
      await this.redis.set(this.errorKey(key, id), message, 'PX', ERROR_TTL_MS);
    }
  }

  private async deadLetter(key: string, [id, flat]: Entry, deliveries: number): Promise<void> {
    const fields = toFields(flat);
    const error = (await this.redis.get(this.errorKey(key, id))) ?? 'unknown error';
    const result = await this.redis
      .multi()
      .xadd(deadLetterKey(key), '*', 'sourceId', id, 'connectionId', fields.connectionId ?? '', 'payload', fields.payload ?? '', 'deliveries', String(deliveries), 'error', error)
      .xack(key, this.group, id)
      .del(this.errorKey(key, id))
      .exec();
    const failure = result?.find(([err]) => err)?.[0];
    if (failure) throw failure;
    this.logger.error(`DCL entry ${key} ${id} dead-lettered after ${deliveries} deliveries: ${error}`);
  }

  private errorKey(key: string, id: string): string {
    return `${this.config.get('REDIS_PREFIX')}:dcl:error:${key}:${id}`;
  }
}

function toFields(flat: string[]): Record<string, string> {
  return Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]));
}
