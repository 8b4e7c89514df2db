import { Outbox, REDIS } from '@autonomos/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DriftEntity } from '../entities/drift.entity';
import { SchemaVersionEntity } from '../entities/schema-version.entity';
import { SchemaDriftDetected } from '../events/schema-drift-detected.event';
import { diffSchemas } from '../schema/schema.diff';
import { schemaFingerprint } from '../schema/schema.fingerprint';
import { mergeSchemas } from '../schema/schema.inferrer';
import { StreamSchema } from '../schema/schema.types';

export interface CurrentSchema {
  version: number;
  fingerprint: string;
  schema: StreamSchema;
}

interface StreamRef {
  tenantId: string;
  connectionId: string;
  stream: string;
}

/**
 * The current schema of each stream: PostgreSQL holds every version, Redis the current one
 * for a fast lookup. Redis is written only after the version's transaction commits and cleared
 * before a sync starts, so a crash in between leaves a miss (read from PostgreSQL), never a lie.
 */
@Injectable()
export class SchemaRegistry {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly outbox: Outbox,
  ) {}

  async current(manager: EntityManager, ref: StreamRef): Promise<CurrentSchema | undefined> {
    const cached = await this.redis.get(cacheKey(ref));
    if (cached) return JSON.parse(cached) as CurrentSchema;
    const latest = await manager.findOne(SchemaVersionEntity, { where: { connectionId: ref.connectionId, stream: ref.stream }, order: { version: 'DESC' } });
    return latest ? { version: latest.version, fingerprint: latest.fingerprint, schema: latest.schema } : undefined;
  }

  async forget(ref: StreamRef): Promise<void> {
    await this.redis.del(cacheKey(ref));
  }

  async remember(ref: StreamRef, current: CurrentSchema): Promise<void> {
    await this.redis.set(cacheKey(ref), JSON.stringify(current));
  }

  async track(manager: EntityManager, ref: StreamRef): Promise<SchemaTracker> {
    return new SchemaTracker(manager, this.outbox, ref, await this.current(manager, ref));
  }
}

const cacheKey = (ref: StreamRef) => `aam:schema:${ref.tenantId}:${ref.connectionId}:${ref.stream}`;

/**
 * Follows one stream through one sync. A new version is recorded only when the data stops
 * fitting the current schema (a column added, removed or renamed, a type widened, nulls
 * appearing), so re-reading the same data never drifts. The first schema of a stream is
 * version 1 and no drift; every later version is a drift row plus SchemaDriftDetected in the
 * outbox, in the sync's transaction.
 */
export class SchemaTracker {
  /** This sync's data so far, all batches merged. */
  private seen?: StreamSchema;
  readonly driftIds: string[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly outbox: Outbox,
    private readonly ref: StreamRef,
    public current: CurrentSchema | undefined,
  ) {}

  /** Folds in a batch's schema; returns the fingerprint the batch's events carry. */
  async observe(batch: StreamSchema): Promise<string> {
    this.seen = this.seen ? mergeSchemas(this.seen, batch) : batch;
    const previous = this.current;
    if (previous && fits(this.seen, previous)) return previous.fingerprint;
    const next = previous && sameColumns(this.seen, previous.schema) ? mergeSchemas(previous.schema, this.seen) : this.seen;
    const current = { version: (previous?.version ?? 0) + 1, fingerprint: schemaFingerprint(next), schema: next };
    await this.manager.insert(SchemaVersionEntity, { id: randomUUID(), ...this.ref, ...current });
    if (previous) await this.recordDrift(previous, current);
    this.current = current;
    return current.fingerprint;
  }

  private async recordDrift(previous: CurrentSchema, next: CurrentSchema): Promise<void> {
    const diff = diffSchemas(previous.schema, next.schema);
    const id = randomUUID();
    await this.manager.insert(DriftEntity, {
      id,
      ...this.ref,
      fromVersion: previous.version,
      toVersion: next.version,
      fromFingerprint: previous.fingerprint,
      toFingerprint: next.fingerprint,
      breaking: diff.breaking,
      changes: diff.changes,
    });
    const { tenantId, connectionId, stream } = this.ref;
    await this.outbox.add(this.manager, 'connection', new SchemaDriftDetected(tenantId, connectionId, stream, id, previous.fingerprint, next.fingerprint, diff.breaking));
    this.driftIds.push(id);
  }
}

/** The data fits when merging it into the current schema changes nothing that is fingerprinted. */
function fits(seen: StreamSchema, current: CurrentSchema): boolean {
  return sameColumns(seen, current.schema) && schemaFingerprint(mergeSchemas(current.schema, seen)) === current.fingerprint;
}

function sameColumns(a: StreamSchema, b: StreamSchema): boolean {
  const names = new Set(a.columns.map((c) => c.name));
  return names.size === b.columns.length && b.columns.every((c) => names.has(c.name));
}
