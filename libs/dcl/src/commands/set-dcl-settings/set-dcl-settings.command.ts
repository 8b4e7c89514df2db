import { Command } from '@nestjs/cqrs';
import type { DclSettings } from '../../settings/dcl-settings';

/** Switches the current tenant's DCL mode; audited with before and after. */
export class SetDclSettingsCommand extends Command<DclSettings> {
  constructor(readonly settings: DclSettings) {
    super();
  }
}
