import { AppConfig, TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aamErrors } from '../../aam.errors';
import { canonicalEventId, payloadHash } from '../../canonical/canonical-event.builder';
import { findConnection } from '../../connection.lookup';
import { ConnectionEntity } from '../../entities/connection.entity';
import { isNullValue } from '../../schema/value.classifier';
import { ConnectorProvider } from '../../sync/connector.provider';
import { ConnectionReadBatch, ReadConnectionQuery } from './read-connection.query';

@QueryHandler(ReadConnectionQuery)
export class ReadConnectionHandler implements IQueryHandler<ReadConnectionQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly config: AppConfig,
    private readonly connectors: ConnectorProvider,
  ) {}

  async execute({ connectionId, stream }: ReadConnectionQuery): Promise<AsyncIterable<ConnectionReadBatch>> {
    // Looked up now, so an unknown connection is an error of the query, not of its first batch.
    const connection = await this.db.transaction((manager) => findConnection(manager, connectionId));
    return this.read(connection, stream);
  }

  private async *read(connection: ConnectionEntity, only?: string): AsyncGenerator<ConnectionReadBatch> {
    const connector = await this.connectors.open(connection);
    try {
      const streams = await connector.listStreams();
      const selected = only ? streams.filter((s) => s.name === only) : streams;
      if (only && selected.length === 0) throw aamErrors.streamNotFound(only, streams.map((s) => s.name));
      for (const info of selected) {
        for await (const batch of connector.read({ stream: info.name, batchSize: this.config.get('SYNC_BATCH_SIZE'), cursor: null })) {
          const rows = batch.rows.map((row) => {
            const values = withNulls(row.values as Record<string, string | null>);
            const recordKey = recordKeyOf(info.keyColumns, values, row.position);
            const eventId = canonicalEventId({ tenantId: connection.tenantId, connectionId: connection.id, stream: info.name, recordKey, operation: 'upsert', contentHash: payloadHash(values) });
            return { recordKey, eventId, values };
          });
          yield { stream: info.name, columns: batch.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r.values)))], rows };
        }
      }
    } finally {
      await connector.close();
    }
  }
}

/** Null text ('NULL', '') is null, as the AAM's events carry it. */
const withNulls = (values: Record<string, string | null>) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, isNullValue(value) ? null : value]));

/** As the AAM keys an event: by its key column(s), or by row number when there are none or one is empty. */
function recordKeyOf(keyColumns: readonly string[], values: Record<string, string | null>, row: number): string {
  const keys = keyColumns.map((name) => values[name]);
  if (keys.length === 0 || keys.some((key) => key === null || key === undefined)) return `row:${row}`;
  return keys.length === 1 ? keys[0]! : JSON.stringify(keys);
}
