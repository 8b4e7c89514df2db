import { Query } from '@nestjs/cqrs';
import type { MappingView } from '../../mapping.views';

/** Active mappings of the tenant's streams, by connection and stream. */
export class ListMappingsQuery extends Query<MappingView[]> {
  constructor(readonly filter: { connectionId?: string; stream?: string }) {
    super();
  }
}
