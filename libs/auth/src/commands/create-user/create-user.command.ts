import type { Role } from '@autonomos/platform';
import { Command } from '@nestjs/cqrs';
import type { UserView } from '../../views';

export class CreateUserCommand extends Command<UserView> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly role: Role,
    readonly displayName?: string,
  ) {
    super();
  }
}
