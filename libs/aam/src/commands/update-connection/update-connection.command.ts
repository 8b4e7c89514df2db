import { Command } from '@nestjs/cqrs';
import type { ConnectionView } from '../../aam.views';
import type { PilotDomain } from '../../routing/domain.router';

export interface ConnectionChanges {
  name?: string;
  /** Replaces the whole config; validated against the connection's kind. */
  config?: unknown;
  /** Replaces the credentials; null removes them. */
  credentials?: unknown;
  /** null goes back to routing by kind. */
  domainOverride?: PilotDomain | null;
  contracts?: unknown;
}

export class UpdateConnectionCommand extends Command<ConnectionView> {
  constructor(
    readonly id: string,
    readonly changes: ConnectionChanges,
  ) {
    super();
  }
}
