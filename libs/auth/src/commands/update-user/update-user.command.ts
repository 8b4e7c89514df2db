import type { Role } from '@autonomos/platform';
import { Command } from '@nestjs/cqrs';
import type { UserView } from '../../views';

export class UpdateUserCommand extends Command<UserView> {
  constructor(
    readonly userId: string,
    readonly changes: { role?: Role; disabled?: boolean; displayName?: string },
  ) {
    super();
  }
}
