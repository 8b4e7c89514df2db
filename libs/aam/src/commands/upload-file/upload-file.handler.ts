import { AppConfig, DomainError, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { aamErrors } from '../../aam.errors';
import { findConnection } from '../../connection.lookup';
import { FileSourceConfig, STREAM_NAME } from '../../connectors/connection-config';
import { streamName } from '../../connectors/filesource.connector';
import { ConnectorProvider } from '../../sync/connector.provider';
import { StreamIngestor } from '../../sync/stream.ingestor';
import { UploadFileCommand } from './upload-file.command';

@CommandHandler(UploadFileCommand)
export class UploadFileHandler implements ICommandHandler<UploadFileCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly config: AppConfig,
    private readonly connectors: ConnectorProvider,
    private readonly ingestor: StreamIngestor,
  ) {}

  async execute({ connectionId, file, filename, stream }: UploadFileCommand) {
    const connection = await this.db.transaction((manager) => findConnection(manager, connectionId));
    if (connection.kind !== 'filesource') {
      file.resume();
      throw new DomainError('not_a_file_source', 'invalid', `Files can be uploaded to filesource connections only; this one is ${connection.kind}`);
    }
    const name = stream ?? streamName(filename);
    if (!STREAM_NAME.test(name)) {
      file.resume();
      throw new DomainError('invalid_stream_name', 'invalid', `"${name}" is not a stream name: use letters, digits, _ . -`, [{ field: 'stream', message: 'invalid' }]);
    }

    // Staged beside the uploads, then moved in only once its sync committed.
    const staging = join(this.connectors.fileRoot(connection.tenantId), 'uploads', '.staging', randomUUID());
    await mkdir(staging, { recursive: true });
    try {
      const staged = join(staging, `${name}.csv`);
      await pipeline(file, limitBytes(this.config.get('UPLOAD_MAX_BYTES')), createWriteStream(staged));
      const connector = await this.connectors.open(connection, { uploadDir: staging });
      const keyColumns = (connection.config as FileSourceConfig).keyColumns ?? [];
      const result = await this.ingestor.ingest(connection, connector, { stream: name, keyColumns, full: true });
      const uploads = this.connectors.uploadDir(connection.tenantId, connection.id);
      await mkdir(uploads, { recursive: true });
      await rename(staged, join(uploads, `${name}.csv`));
      return result;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
}

/** Refuses a body over the limit while it streams: the file is never held whole. */
function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > max ? aamErrors.uploadTooLarge(max) : null, chunk);
    },
  });
}
