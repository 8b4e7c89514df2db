import { TenantDb } from '@autonomos/platform';
import type { TaskRunContext, TaskType } from '@autonomos/tasks';
import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { aamErrors } from '../aam.errors';
import { STREAM_NAME } from '../connectors/connection-config';
import { ConnectionEntity } from '../entities/connection.entity';
import { ConnectorProvider } from './connector.provider';
import { StreamIngestor, StreamSyncResult, SyncCounts } from './stream.ingestor';

export type SyncMode = 'full' | 'incremental';

export class SyncPayload {
  @IsUUID()
  connectionId: string;

  @IsIn(['full', 'incremental'])
  mode: SyncMode;

  /** One stream; all of the connection's streams when absent. */
  @IsOptional()
  @IsString()
  @Matches(STREAM_NAME, { message: 'stream must be a stream name' })
  stream?: string;
}

/** Progress is a database write: at most this often. */
const PROGRESS_EVERY_MS = 1000;

/** The `aam.sync` task: every (or one) stream of a connection, each in its own transaction. */
@Injectable()
export class ConnectionSync {
  constructor(
    private readonly db: TenantDb,
    private readonly connectors: ConnectorProvider,
    private readonly ingestor: StreamIngestor,
  ) {}

  task(): TaskType<SyncPayload> {
    return { type: 'aam.sync', payload: SyncPayload, run: (payload, context) => this.run(payload, context) };
  }

  async run({ connectionId, mode, stream }: SyncPayload, task: TaskRunContext) {
    const connection = await this.db.transaction((manager) => manager.findOne(ConnectionEntity, { where: { id: connectionId } }));
    if (!connection) throw aamErrors.connectionNotFound(connectionId);
    const connector = await this.connectors.open(connection);
    try {
      const streams = await connector.listStreams();
      const selected = stream ? streams.filter((s) => s.name === stream) : streams;
      if (stream && selected.length === 0) throw aamErrors.streamNotFound(stream, streams.map((s) => s.name));
      const results: StreamSyncResult[] = [];
      let reported = 0;
      for (const [index, info] of selected.entries()) {
        const onBatch = async (counts: SyncCounts) => {
          if (Date.now() - reported < PROGRESS_EVERY_MS) return;
          reported = Date.now();
          await task.progress(((index + 0.5) / selected.length) * 100, `${info.name}: ${describe(counts)}`);
        };
        results.push(await this.ingestor.ingest(connection, connector, { stream: info.name, keyColumns: info.keyColumns, full: mode === 'full', onBatch }));
      }
      const total = (field: keyof SyncCounts) => results.reduce((sum, r) => sum + r[field], 0);
      return { mode, read: total('read'), written: total('written'), duplicates: total('duplicates'), quarantined: total('quarantined'), streams: results };
    } finally {
      await connector.close();
    }
  }
}

const describe = (c: SyncCounts) => `read ${c.read}, written ${c.written}, quarantined ${c.quarantined}`;
