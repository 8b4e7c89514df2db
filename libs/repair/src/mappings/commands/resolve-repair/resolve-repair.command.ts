import { Command } from '@nestjs/cqrs';

/**
 * Saga step for RepairProposed: applies the proposals that clear the tenant's policy as one
 * new version, and queues the others for review. Each half is idempotent on the repair id.
 */
export class ResolveRepairCommand extends Command<{ appliedVersion: number | null; reviewItemId: string | null }> {
  constructor(readonly repairId: string) {
    super();
  }
}
