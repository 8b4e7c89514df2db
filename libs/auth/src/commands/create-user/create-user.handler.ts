import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { authErrors } from '../../auth.errors';
import { UserEntity } from '../../entities/user.entity';
import { hashPassword } from '../../passwords';
import { isUniqueViolation } from '../../unique-violation';
import { toUserView } from '../../views';
import { CreateUserCommand } from './create-user.command';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  async execute(command: CreateUserCommand) {
    const passwordHash = await hashPassword(command.password);
    return this.db
      .transaction(async (manager) => {
        const user = manager.create(UserEntity, {
          id: randomUUID(),
          tenantId: this.context.tenantId,
          email: command.email.toLowerCase(),
          displayName: command.displayName ?? null,
          passwordHash,
          role: command.role,
          disabledAt: null,
        });
        return toUserView(await manager.save(user));
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'users_email_key') ? authErrors.emailTaken() : error;
      });
  }
}
