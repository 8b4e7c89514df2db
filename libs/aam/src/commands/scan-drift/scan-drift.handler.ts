import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aamErrors } from '../../aam.errors';
import { findConnection } from '../../connection.lookup';
import { SourceConnector, StreamInfo } from '../../connectors/source-connector';
import { inferSchema } from '../../schema/schema.inferrer';
import { StreamSchema } from '../../schema/schema.types';
import { ConnectorProvider } from '../../sync/connector.provider';
import { SchemaRegistry } from '../../sync/schema.tracker';
import { ScanDriftCommand, StreamScan } from './scan-drift.command';

const SAMPLE_ROWS = 1000;

@CommandHandler(ScanDriftCommand)
export class ScanDriftHandler implements ICommandHandler<ScanDriftCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly connectors: ConnectorProvider,
    private readonly schemas: SchemaRegistry,
  ) {}

  async execute({ connectionId, stream, onStream }: ScanDriftCommand): Promise<StreamScan[]> {
    const connection = await this.db.transaction((manager) => findConnection(manager, connectionId));
    const connector = await this.connectors.open(connection);
    try {
      const streams = await connector.listStreams();
      const selected = stream ? streams.filter((s) => s.name === stream) : streams;
      if (stream && selected.length === 0) throw aamErrors.streamNotFound(stream, streams.map((s) => s.name));
      const scans: StreamScan[] = [];
      for (const [index, info] of selected.entries()) {
        const sample = info.schema ?? (await sampleSchema(connector, info));
        const ref = { tenantId: this.context.tenantId, connectionId, stream: info.name };
        await this.schemas.forget(ref);
        const tracker = await this.db.transaction(async (manager) => {
          await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aam:${connectionId}:${info.name}`]);
          const tracker = await this.schemas.track(manager, ref);
          await tracker.observe(sample);
          return tracker;
        });
        if (tracker.current) await this.schemas.remember(ref, tracker.current);
        scans.push({ stream: info.name, version: tracker.current?.version ?? null, driftIds: tracker.driftIds });
        await onStream?.(index + 1, selected.length, info.name);
      }
      return scans;
    } finally {
      await connector.close();
    }
  }
}

/** The first batch of a stream whose connector lists no schema. */
async function sampleSchema(connector: SourceConnector, info: StreamInfo): Promise<StreamSchema> {
  for await (const batch of connector.read({ stream: info.name, batchSize: SAMPLE_ROWS })) {
    return inferSchema(batch.rows.map((row) => row.values), batch.columns);
  }
  return inferSchema([]);
}
