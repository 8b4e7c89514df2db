import { Command } from '@nestjs/cqrs';
import type { AuthSession } from '../../session-issuer';

export class LoginCommand extends Command<AuthSession> {
  constructor(
    readonly email: string,
    readonly password: string,
    /** The client's address, for the per-address rate limit. */
    readonly address: string,
  ) {
    super();
  }
}
