import { Command } from '@nestjs/cqrs';

/**
 * Saga step for SchemaDriftDetected: proposes repairs of the stream's mapping for the drift
 * and raises RepairProposed. Once per drift; a stream without a mapping has nothing to repair.
 */
export class ProposeMappingRepairCommand extends Command<{ repairId: string | null }> {
  constructor(
    readonly connectionId: string,
    readonly stream: string,
    readonly driftId: string,
  ) {
    super();
  }
}
