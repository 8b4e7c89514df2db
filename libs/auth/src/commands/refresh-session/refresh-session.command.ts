import { Command } from '@nestjs/cqrs';
import type { AuthSession } from '../../session-issuer';

/** Trades a refresh token for a new session; the presented token can never be used again. */
export class RefreshSessionCommand extends Command<AuthSession> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
