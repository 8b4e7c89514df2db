import { IntegrationEvent, registerIntegrationEvent, reviveIntegrationEvent } from '@autonomos/platform';

export const MAPPING_APPLIED = 'mapping.applied';

/**
 * Consumer-side type of the repair domain's `mapping.applied` event: the DCL depends on the
 * wire name and payload only, so either side can ship first.
 */
export class MappingApplied extends IntegrationEvent {
  readonly type = MAPPING_APPLIED;

  constructor(
    tenantId: string,
    readonly connectionId: string,
    readonly stream: string,
    readonly mappingId: string,
    readonly version: number,
  ) {
    super(tenantId, mappingId);
  }
}

/** Registers this class for the relay only when the producer has not registered its own. */
export function registerMappingAppliedIfMissing(): void {
  if (!reviveIntegrationEvent(MAPPING_APPLIED, {}, '0')) registerIntegrationEvent(MAPPING_APPLIED, MappingApplied);
}
