import { SchemaDriftDetected } from '@autonomos/aam';
import { ReviewDecided, ReviewRequested } from '@autonomos/hitl';
import { IntegrationEvent } from '@autonomos/platform';
import { MappingApplied } from '../mappings/events/mapping-applied.event';
import { RepairProposed } from '../mappings/events/repair-proposed.event';

/** The relayed events the drift → repair → review saga acts on. */
export const SAGA_EVENTS = [SchemaDriftDetected, RepairProposed, ReviewRequested, ReviewDecided, MappingApplied];
export const SAGA_EVENT_TYPES = ['aam.schema_drift_detected', 'repair.proposed', 'review.requested', 'review.decided', 'mapping.applied'];

export const isSagaEvent = (event: unknown): event is IntegrationEvent =>
  SAGA_EVENTS.some((type) => event instanceof type) && !!(event as IntegrationEvent).outboxId;
