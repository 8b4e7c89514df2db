import { Command } from '@nestjs/cqrs';
import type { AuthSession } from '../../session-issuer';

/** Creates a tenant and its first admin, and signs the admin in. */
export class RegisterCommand extends Command<AuthSession & { tenantId: string; userId: string }> {
  constructor(
    readonly tenantName: string,
    readonly email: string,
    readonly password: string,
    readonly displayName?: string,
  ) {
    super();
  }
}
