import { Command } from '@nestjs/cqrs';
import type { RefreshResult } from '../../engine/view-refresher';

/** Recomputes one view of the caller's tenant now (what the `dcl.refresh` task runs). */
export class RefreshViewCommand extends Command<RefreshResult> {
  constructor(
    readonly view: string,
    readonly full: boolean,
  ) {
    super();
  }
}
