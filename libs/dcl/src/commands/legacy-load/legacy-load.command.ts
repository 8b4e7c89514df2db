import { Command } from '@nestjs/cqrs';
import type { WriteCounts } from '../../mapping/entity-row.writer';

export interface LegacyLoadResult {
  connectionId: string;
  streams: Array<{ stream: string; read: number } & WriteCounts>;
}

/**
 * Legacy mode: reads a connection (all its streams, or one) straight from the source through
 * the AAM's connector and maps the records through the same active mappings into the same
 * entity rows as the stream consumers would. Idempotent: loading again changes nothing.
 */
export class LegacyLoadCommand extends Command<LegacyLoadResult> {
  constructor(
    readonly connectionId: string,
    readonly stream?: string,
  ) {
    super();
  }
}
