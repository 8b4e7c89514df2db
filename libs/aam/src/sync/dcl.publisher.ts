import { AppConfig, REDIS } from '@autonomos/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { DclTablePayload, dclStreamKey } from '../canonical/dcl-table.mapper';

/** XADDs sent per round trip. */
const PIPELINE_DEPTH = 16;

/**
 * New events wait on disk until their transaction commits: publishing before the commit could
 * announce records that a later refusal of the file rolls back. One JSON line per batch.
 */
export class DclSpool {
  private batches = 0;

  private constructor(
    private readonly dir: string,
    private readonly out: WriteStream,
  ) {}

  static async create(): Promise<DclSpool> {
    const dir = await mkdtemp(join(tmpdir(), 'aam-spool-'));
    return new DclSpool(dir, createWriteStream(join(dir, 'batches.jsonl')));
  }

  /** A table payload, or one already serialised as JSON (one line, possibly in chunks). */
  async add(payload: DclTablePayload | readonly string[]): Promise<void> {
    this.batches++;
    const chunks = Array.isArray(payload) ? payload : [JSON.stringify(payload)];
    for (const chunk of chunks) if (!this.out.write(chunk)) await once(this.out, 'drain');
    if (!this.out.write('\n')) await once(this.out, 'drain');
  }

  async *read(): AsyncGenerator<string> {
    this.out.end();
    await once(this.out, 'finish');
    if (this.batches === 0) return;
    yield* createInterface({ input: createReadStream(join(this.dir, 'batches.jsonl')), crlfDelay: Infinity });
  }

  async dispose(): Promise<void> {
    this.out.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Publishes committed batches to the DCL's Redis Stream `aam:dcl:{tenant}:{source}`, capped. */
@Injectable()
export class DclPublisher {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async publish(tenantId: string, source: string, connectionId: string, spool: DclSpool): Promise<number> {
    const key = dclStreamKey(tenantId, source);
    const maxLen = this.config.get('AAM_STREAM_MAXLEN');
    let published = 0;
    let pipeline = this.redis.pipeline();
    for await (const line of spool.read()) {
      pipeline.xadd(key, 'MAXLEN', '~', maxLen, '*', 'connectionId', connectionId, 'payload', line);
      if (++published % PIPELINE_DEPTH === 0) {
        await exec(pipeline);
        pipeline = this.redis.pipeline();
      }
    }
    await exec(pipeline);
    return published;
  }
}

async function exec(pipeline: ReturnType<Redis['pipeline']>): Promise<void> {
  for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
}
