import { Command } from '@nestjs/cqrs';
import type { WriteCounts } from '../../mapping/entity-row.writer';

/** Maps a stream's waiting records through its (new) active mapping. Idempotent. */
export class ReplayPendingCommand extends Command<WriteCounts> {
  constructor(
    readonly connectionId: string,
    readonly stream: string,
  ) {
    super();
  }
}
