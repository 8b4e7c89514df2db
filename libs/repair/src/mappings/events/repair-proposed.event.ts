import { IntegrationEvent, registerIntegrationEvent } from '@autonomos/platform';

/** Proposals were made for a mapped stream's drift (the mapping_repairs row holds them). */
export class RepairProposed extends IntegrationEvent {
  readonly type = 'repair.proposed';
  constructor(
    tenantId: string,
    readonly repairId: string,
    readonly mappingId: string,
    readonly connectionId: string,
    readonly stream: string,
    readonly driftId: string,
    readonly proposals: number,
  ) {
    super(tenantId, repairId);
  }
}
registerIntegrationEvent('repair.proposed', RepairProposed);
