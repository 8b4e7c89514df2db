import { Role, RequestContext, systemActor, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { authErrors } from '../../auth.errors';
import { LoginRateLimiter } from '../../login-rate-limiter';
import { verifyPassword } from '../../passwords';
import { SessionIssuer } from '../../session-issuer';
import { LoginCommand } from './login.command';

interface LoginRow {
  id: string;
  tenant_id: string;
  password_hash: string;
  role: Role;
  disabled: boolean;
}

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly sessions: SessionIssuer,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async execute({ email, password, address }: LoginCommand) {
    const normalized = email.toLowerCase();
    await this.limiter.consume(normalized, address);
    // Before sign-in there is no tenant; a SECURITY DEFINER function finds the user by email only.
    const [row] = await this.db.query<LoginRow>('SELECT * FROM auth_login_lookup($1)', [normalized]);
    const valid = await verifyPassword(row?.password_hash, password);
    if (!row || !valid || row.disabled) throw authErrors.invalidCredentials();
    await this.limiter.succeeded(normalized, address);
    return this.context.run(row.tenant_id, systemActor('login'), () =>
      this.db.transaction((manager) => this.sessions.issue(manager, { id: row.id, tenantId: row.tenant_id, role: row.role })),
    );
  }
}
