import { IntegrationEvent, registerIntegrationEvent } from '@autonomos/platform';
import type { MappingChangeKind } from '../entities/mapping-version.entity';

/**
 * A mapping has a new active version. The DCL refreshes what reads this stream; the saga
 * replays the stream's quarantined records.
 */
export class MappingApplied extends IntegrationEvent {
  readonly type = 'mapping.applied';
  constructor(
    tenantId: string,
    readonly mappingId: string,
    readonly connectionId: string,
    readonly stream: string,
    readonly entity: string,
    readonly version: number,
    readonly change: MappingChangeKind,
  ) {
    super(tenantId, mappingId);
  }
}
registerIntegrationEvent('mapping.applied', MappingApplied);
