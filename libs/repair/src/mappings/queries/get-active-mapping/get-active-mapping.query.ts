import { Query } from '@nestjs/cqrs';
import type { ActiveMapping } from '../../mapping.types';

/** The current mapping of a connection's stream in the caller's tenant, or null when it has none. */
export class GetActiveMappingQuery extends Query<ActiveMapping | null> {
  constructor(
    readonly connectionId: string,
    readonly stream: string,
  ) {
    super();
  }
}
