import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { authErrors } from '../../auth.errors';
import { RefreshTokenEntity } from '../../entities/refresh-token.entity';
import { UserEntity } from '../../entities/user.entity';
import { toUserView } from '../../views';
import { UpdateUserCommand } from './update-user.command';

@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  async execute({ userId, changes }: UpdateUserCommand) {
    const self = this.context.actor.id === userId;
    if (self && (changes.disabled === true || (changes.role && changes.role !== 'admin'))) throw authErrors.selfLockout();
    return this.db.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId } });
      if (!user) throw authErrors.userNotFound(userId);
      if (changes.role) user.role = changes.role;
      if (changes.displayName !== undefined) user.displayName = changes.displayName;
      if (changes.disabled !== undefined) user.disabledAt = changes.disabled ? (user.disabledAt ?? new Date()) : null;
      const saved = await manager.save(user);
      // A disabled user's sessions end now, not when their refresh token expires.
      if (changes.disabled) await manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      return toUserView(saved);
    });
  }
}
