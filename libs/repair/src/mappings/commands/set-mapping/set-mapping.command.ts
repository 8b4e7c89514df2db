import { Command } from '@nestjs/cqrs';
import type { FieldInput } from '../../mapping-validation';
import type { MappingView } from '../../mapping.views';

/**
 * An operator sets a stream's whole mapping: applied at once, or (review) queued for another
 * person to approve. How a stream gets its first mapping.
 */
export class SetMappingCommand extends Command<{ mapping?: MappingView; reviewItemId?: string }> {
  constructor(
    readonly connectionId: string,
    readonly stream: string,
    readonly entity: string,
    readonly fields: FieldInput[],
    readonly review = false,
  ) {
    super();
  }
}
