import { Command } from '@nestjs/cqrs';
import type { RepairInput, RepairProposal } from '../../proposals/repair-proposal';

/**
 * Mapping patches for a stream's schema drift, using the tenant's memory and (when enabled)
 * the LLM. The saga reacting to SchemaDriftDetected dispatches it.
 */
export class ProposeRepairCommand extends Command<RepairProposal[]> {
  constructor(readonly input: Omit<RepairInput, 'memory' | 'llm'>) {
    super();
  }
}
