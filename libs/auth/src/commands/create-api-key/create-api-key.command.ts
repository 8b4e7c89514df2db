import type { Role } from '@autonomos/platform';
import { Command } from '@nestjs/cqrs';
import type { ApiKeyView } from '../../views';

/** Returns the key itself once; afterwards only its hash exists. */
export class CreateApiKeyCommand extends Command<ApiKeyView & { key: string }> {
  constructor(
    readonly name: string,
    readonly role: Role,
  ) {
    super();
  }
}
