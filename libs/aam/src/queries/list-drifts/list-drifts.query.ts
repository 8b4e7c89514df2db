import { Query } from '@nestjs/cqrs';
import type { DriftView, Page } from '../../aam.views';

/** Newest first, keyset-paginated. */
export class ListDriftsQuery extends Query<Page<DriftView>> {
  constructor(
    readonly filter: { connectionId?: string; stream?: string; breaking?: boolean },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
