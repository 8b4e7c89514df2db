import { Command } from '@nestjs/cqrs';
import type { DiscoveryResult } from '../../aoa.views';

/**
 * Asks AOD for the assets matching a natural-language request, hands them to the agent step
 * and stores the discovery with its assets and recommendations. AOD down, slow or off-contract:
 * a 502/504 DomainError and nothing stored.
 */
export class DiscoverCommand extends Command<DiscoveryResult> {
  constructor(readonly query: string) {
    super();
  }
}
