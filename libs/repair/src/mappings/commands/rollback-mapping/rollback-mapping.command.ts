import { Command } from '@nestjs/cqrs';
import type { MappingView } from '../../mapping.views';

/** Makes an earlier version's fields the active mapping again, as a new version (history only grows). */
export class RollbackMappingCommand extends Command<MappingView> {
  constructor(
    readonly mappingId: string,
    /** Defaults to the version before the active one. */
    readonly version?: number,
  ) {
    super();
  }
}
