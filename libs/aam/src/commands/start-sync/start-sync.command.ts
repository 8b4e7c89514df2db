import type { TaskView } from '@autonomos/tasks';
import { Command } from '@nestjs/cqrs';
import type { SyncMode } from '../../sync/connection.sync';

/** Queues an `aam.sync` task; its progress and result (counts) are read through /tasks. */
export class StartSyncCommand extends Command<TaskView> {
  constructor(
    readonly connectionId: string,
    readonly mode: SyncMode,
    readonly stream?: string,
  ) {
    super();
  }
}
