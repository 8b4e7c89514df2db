import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toConnectionView } from '../../aam.views';
import { findConnection } from '../../connection.lookup';
import { GetConnectionQuery } from './get-connection.query';

@QueryHandler(GetConnectionQuery)
export class GetConnectionHandler implements IQueryHandler<GetConnectionQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute({ id }: GetConnectionQuery) {
    return toConnectionView(await this.db.transaction((manager) => findConnection(manager, id)));
  }
}
