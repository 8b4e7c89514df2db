import { Command } from '@nestjs/cqrs';
import type { RefreshResult } from '../../engine/view-refresher';

/**
 * Recomputes views of the caller's tenant now (what the `dcl.refresh` task runs). Views of one
 * domain are refreshed together: each canonical table they read is loaded once.
 */
export class RefreshViewsCommand extends Command<RefreshResult[]> {
  constructor(
    readonly views: readonly string[],
    readonly full: boolean,
  ) {
    super();
  }
}
