import { Command } from '@nestjs/cqrs';

export interface StreamScan {
  stream: string;
  /** The stream's schema version after the scan. */
  version: number | null;
  /** A drift the scan raised (SchemaDriftDetected through the outbox), if the schema moved. */
  driftIds: string[];
}

/**
 * Re-reads the source's schema (the connector's listing, or a sample read), fingerprints it
 * against the stream's current schema and records a new version with its drift when it moved,
 * without ingesting records.
 */
export class ScanDriftCommand extends Command<StreamScan[]> {
  constructor(
    readonly connectionId: string,
    readonly stream?: string,
    readonly onStream?: (done: number, total: number, stream: string) => Promise<void>,
  ) {
    super();
  }
}
