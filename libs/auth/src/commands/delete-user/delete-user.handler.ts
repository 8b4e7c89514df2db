import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { authErrors } from '../../auth.errors';
import { UserEntity } from '../../entities/user.entity';
import { DeleteUserCommand } from './delete-user.command';

@CommandHandler(DeleteUserCommand)
export class DeleteUserHandler implements ICommandHandler<DeleteUserCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  async execute({ userId }: DeleteUserCommand): Promise<void> {
    if (this.context.actor.id === userId) throw authErrors.selfLockout();
    await this.db.transaction(async (manager) => {
      // Refresh tokens go with the user (ON DELETE CASCADE).
      const result = await manager.delete(UserEntity, { id: userId });
      if (!result.affected) throw authErrors.userNotFound(userId);
    });
  }
}
