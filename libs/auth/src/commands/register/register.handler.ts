import { RequestContext, systemActor, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { authErrors } from '../../auth.errors';
import { TenantEntity } from '@autonomos/platform';
import { UserEntity } from '../../entities/user.entity';
import { hashPassword } from '../../passwords';
import { SessionIssuer } from '../../session-issuer';
import { isUniqueViolation } from '../../unique-violation';
import { RegisterCommand } from './register.command';

@CommandHandler(RegisterCommand)
export class RegisterHandler implements ICommandHandler<RegisterCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: RegisterCommand) {
    const tenantId = randomUUID();
    const userId = randomUUID();
    const passwordHash = await hashPassword(command.password);
    // The new tenant is the context: row-level security checks every insert against it.
    return this.context.run(tenantId, systemActor('register'), () =>
      this.db
        .transaction(async (manager) => {
          await manager.insert(TenantEntity, { id: tenantId, name: command.tenantName, settings: {} });
          const user = { id: userId, tenantId, email: command.email.toLowerCase(), displayName: command.displayName ?? null, passwordHash, role: 'admin' as const };
          await manager.insert(UserEntity, user);
          const session = await this.sessions.issue(manager, user);
          return { ...session, tenantId, userId };
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error, 'users_email_key') ? authErrors.emailTaken() : error;
        }),
    );
  }
}
