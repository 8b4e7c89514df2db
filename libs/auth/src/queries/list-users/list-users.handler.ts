import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserEntity } from '../../entities/user.entity';
import { toUserView } from '../../views';
import { ListUsersQuery } from './list-users.query';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly db: TenantDb) {}

  async execute() {
    const users = await this.db.transaction((manager) => manager.find(UserEntity, { order: { createdAt: 'ASC' } }));
    return users.map(toUserView);
  }
}
