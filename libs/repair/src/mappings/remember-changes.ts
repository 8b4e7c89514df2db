import { CommandBus } from '@nestjs/cqrs';
import { Logger } from '@nestjs/common';
import { RememberMappingCommand } from '../commands/remember-mapping/remember-mapping.command';
import type { MappingChange } from './mapping-patch';

const logger = new Logger('RememberChanges');

/**
 * Teaches the tenant's memory what was approved or auto-applied, after the version committed.
 * Memory only ranks future proposals, so a failure is logged, never fatal.
 */
export async function rememberChanges(
  commands: CommandBus,
  input: { connectionId: string; stream: string; entity: string; changes: MappingChange[]; samples: Record<string, string[]> },
): Promise<void> {
  for (const change of input.changes.filter((c) => c.action !== 'unmap')) {
    await commands
      .execute(new RememberMappingCommand({ stream: input.stream, column: change.column, samples: input.samples[change.column] ?? [] }, { entity: input.entity, field: change.target }))
      .catch((error: Error) => logger.warn(`not remembered: ${change.column} → ${change.target}: ${error.message}`));
  }
}
