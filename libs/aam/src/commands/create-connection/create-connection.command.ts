import { Command } from '@nestjs/cqrs';
import type { ConnectionView } from '../../aam.views';
import type { ConnectionKind } from '../../connectors/source-connector';
import type { PilotDomain } from '../../routing/domain.router';

export class CreateConnectionCommand extends Command<ConnectionView> {
  constructor(
    readonly name: string,
    readonly kind: ConnectionKind,
    readonly config: unknown,
    readonly credentials?: unknown,
    readonly domainOverride?: PilotDomain | null,
    readonly contracts?: unknown,
  ) {
    super();
  }
}
