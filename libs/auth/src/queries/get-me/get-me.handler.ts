import { RequestContext, TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { authErrors } from '../../auth.errors';
import { TenantEntity } from '@autonomos/platform';
import { UserEntity } from '../../entities/user.entity';
import { toUserView } from '../../views';
import { GetMeQuery } from './get-me.query';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  async execute() {
    const actor = this.context.actor;
    return this.db.transaction(async (manager) => {
      const tenant = await manager.findOneOrFail(TenantEntity, { where: { id: this.context.tenantId } });
      const user = actor.type === 'user' ? await manager.findOne(UserEntity, { where: { id: actor.id } }) : null;
      if (actor.type === 'user' && !user) throw authErrors.invalidToken('The account no longer exists');
      return { tenant: { id: tenant.id, name: tenant.name }, actor, user: user ? toUserView(user) : null };
    });
  }
}
