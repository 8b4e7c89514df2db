import { IEvent } from '@nestjs/cqrs';

/**
 * An event that crosses process boundaries through the outbox. `type` names it on the wire;
 * `outboxId` (set by the relay) is the idempotency key consumers deduplicate on.
 */
export abstract class IntegrationEvent implements IEvent {
  abstract readonly type: string;
  outboxId?: string;
  constructor(
    readonly tenantId: string,
    readonly aggregateId: string,
  ) {}
}

type EventClass = new (...args: never[]) => IntegrationEvent;
const registry = new Map<string, EventClass>();

/** Lets the relay turn a stored event back into its class, so sagas can `ofType` it. */
export function registerIntegrationEvent(type: string, eventClass: EventClass): void {
  registry.set(type, eventClass);
}

export function reviveIntegrationEvent(type: string, payload: Record<string, unknown>, outboxId: string): IntegrationEvent | undefined {
  const eventClass = registry.get(type);
  if (!eventClass) return undefined;
  const event = Object.assign(Object.create(eventClass.prototype) as IntegrationEvent, payload, { outboxId });
  return event;
}
