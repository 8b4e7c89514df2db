import { Command } from '@nestjs/cqrs';

export interface ReplayResult {
  /** Records that now became canonical events (new to the audit trail, and published). */
  replayed: number;
  /** Records that still do not fit (kept in quarantine, not replayed). */
  remaining: number;
}

/**
 * Re-ingests a stream's quarantined records through the normal path (schema contract against
 * the current schema → canonical events → audit trail → DCL stream) and marks those that got
 * through as replayed. Idempotent: event ids are deterministic, replayed records are skipped.
 */
export class ReplayQuarantineCommand extends Command<ReplayResult> {
  constructor(
    readonly connectionId: string,
    readonly stream: string,
  ) {
    super();
  }
}
