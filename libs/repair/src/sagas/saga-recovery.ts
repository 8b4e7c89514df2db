import { AppConfig, OWNER_DATA_SOURCE, PeriodicJob, reviveIntegrationEvent } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SAGA_EVENT_TYPES } from './saga-events';

const BATCH = 100;
// Older events are history: the sweep never looks further back, so it stays cheap.
const WINDOW = '7 days';

/**
 * Runs in the worker. Re-publishes relayed saga events whose step never finished (the worker
 * died mid-step) or asked to be retried, once SAGA_RETRY_AFTER_MS has passed. Steps are
 * idempotent, so a step that was merely slow runs twice harmlessly.
 */
@Injectable()
export class SagaRecovery extends PeriodicJob {
  constructor(
    @InjectDataSource(OWNER_DATA_SOURCE) private readonly owner: DataSource,
    private readonly eventBus: EventBus,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.get('SAGA_RECOVERY_MS');
  }

  protected tick(): Promise<number> {
    return this.recoverOnce();
  }

  async recoverOnce(): Promise<number> {
    const rows: { id: string; event_type: string; payload: Record<string, unknown> }[] = await this.owner.query(
      `SELECT o.id, o.event_type, o.payload FROM outbox_events o
       LEFT JOIN saga_inbox i ON i.outbox_id = o.id
       WHERE o.event_type = ANY($1) AND o.published_at IS NOT NULL
         AND o.created_at > now() - interval '${WINDOW}'
         AND o.published_at < now() - make_interval(secs => $2 / 1000.0)
         AND (i.outbox_id IS NULL OR (i.status = 'retry' AND i.updated_at < now() - make_interval(secs => $2 / 1000.0)))
       ORDER BY o.id LIMIT ${BATCH}`,
      [SAGA_EVENT_TYPES, this.config.get('SAGA_RETRY_AFTER_MS')],
    );
    for (const row of rows) {
      const event = reviveIntegrationEvent(row.event_type, row.payload, row.id);
      if (event) this.eventBus.publish(event);
    }
    if (rows.length > 0) this.logger.log(`re-published ${rows.length} saga event(s)`);
    return rows.length;
  }
}
