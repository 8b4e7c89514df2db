import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aamErrors } from '../../aam.errors';
import { toDriftView } from '../../aam.views';
import { DriftEntity } from '../../entities/drift.entity';
import { GetDriftQuery } from './get-drift.query';

@QueryHandler(GetDriftQuery)
export class GetDriftHandler implements IQueryHandler<GetDriftQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ id }: GetDriftQuery) {
    const drift = await this.db.transaction((manager) => manager.findOne(DriftEntity, { where: { id } }));
    if (!drift) throw aamErrors.driftNotFound(id);
    return toDriftView(drift);
  }
}
