import { Query } from '@nestjs/cqrs';
import type { DriftView } from '../../aam.views';

export class GetDriftQuery extends Query<DriftView> {
  constructor(readonly id: string) {
    super();
  }
}
