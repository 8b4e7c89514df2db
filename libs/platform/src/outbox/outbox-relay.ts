import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { OWNER_DATA_SOURCE } from '../database/database.tokens';
import { PeriodicJob } from '../periodic-job';
import { REDIS } from '../redis/redis';
import { reviveIntegrationEvent } from './integration-event';
import { appendTenantEvent } from './tenant-events';

// One relay publishes at a time, across all workers, so events leave in id order.
const RELAY_LOCK_KEY = 727_002;
const BATCH_SIZE = 500;
// A burst drains without waiting for the next poll, up to this many batches, so a shutdown waits
// for a bounded run.
const MAX_BATCHES_PER_TICK = 20;

interface OutboxRow {
  id: string;
  tenant_id: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  correlation_id: string | null;
  created_at: Date;
}

/**
 * Publishes outbox events at least once, in order: to Redis (pub/sub fan-out plus a capped
 * per-tenant stream for replay) and to this process's EventBus (sagas). It stamps
 * `published_at` only after publishing, so a crash in between republishes, never loses.
 */
@Injectable()
export class OutboxRelay extends PeriodicJob {
  constructor(
    @InjectDataSource(OWNER_DATA_SOURCE) private readonly owner: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly eventBus: EventBus,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.get('OUTBOX_POLL_MS');
  }

  /** Publishes batch after batch while they come full, so a burst is not paced by the poll interval. */
  protected async tick(): Promise<number> {
    let published = 0;
    for (let batches = 0; batches < MAX_BATCHES_PER_TICK; batches++) {
      const batch = await this.relayOnce();
      published += batch;
      if (batch < BATCH_SIZE) break;
    }
    return published;
  }

  /** Publishes one batch; returns how many events went out. */
  async relayOnce(): Promise<number> {
    return this.owner.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_KEY]);
      if (!locked) return 0;
      const rows: OutboxRow[] = await manager.query(
        `SELECT * FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH_SIZE}`,
      );
      if (rows.length === 0) return 0;
      // One round trip for the whole batch; MULTI keeps the order.
      const pipeline = this.redis.multi();
      for (const row of rows) {
        appendTenantEvent(pipeline, row.tenant_id, {
          id: row.id,
          type: row.event_type,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          payload: row.payload,
          correlationId: row.correlation_id,
          occurredAt: row.created_at.toISOString(),
        });
      }
      // A command that failed inside the MULTI leaves the batch unstamped, so it is published again.
      for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
      for (const row of rows) {
        const event = reviveIntegrationEvent(row.event_type, row.payload, row.id);
        if (event) this.eventBus.publish(event);
      }
      await manager.query('UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
      return rows.length;
    });
  }
}
