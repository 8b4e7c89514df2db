import { Command } from '@nestjs/cqrs';

/** Ends the session the refresh token belongs to (its whole family). */
export class LogoutCommand extends Command<void> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
