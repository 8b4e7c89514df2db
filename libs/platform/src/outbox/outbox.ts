import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { IntegrationEvent } from './integration-event';
import { OutboxEventEntity } from './outbox-event.entity';

/** Appends events to the outbox inside the caller's transaction: both commit or neither. */
@Injectable()
export class Outbox {
  constructor(private readonly context: RequestContext) {}

  async add(manager: EntityManager, aggregateType: string, ...events: IntegrationEvent[]): Promise<void> {
    if (events.length === 0) return;
    await manager.insert(
      OutboxEventEntity,
      events.map((event) => ({
        tenantId: event.tenantId,
        aggregateType,
        aggregateId: event.aggregateId,
        eventType: event.type,
        payload: { ...event },
        correlationId: this.context.correlationId ?? null,
      })),
    );
  }
}
