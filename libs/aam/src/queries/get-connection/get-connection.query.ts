import { Query } from '@nestjs/cqrs';
import type { ConnectionView } from '../../aam.views';

export class GetConnectionQuery extends Query<ConnectionView> {
  constructor(readonly id: string) {
    super();
  }
}
