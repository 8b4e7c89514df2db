import { Query } from '@nestjs/cqrs';
import type { MappingVersionView } from '../../mapping.views';

/** Every version of a mapping, newest first, with who or what made it and why. */
export class GetMappingHistoryQuery extends Query<MappingVersionView[]> {
  constructor(readonly mappingId: string) {
    super();
  }
}
