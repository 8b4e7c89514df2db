import { DomainError } from '@autonomos/platform';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { aamErrors } from '../aam.errors';
import { CsvFileReader } from '../filesource/csv.reader';
import { resolvePathUnderRoot } from '../filesource/root-path.resolver';
import { inferSchema } from '../schema/schema.inferrer';
import { FileSourceConfig } from './connection-config';
import { ConnectorContext, ReadRequest, SourceBatch, SourceConnector, StreamInfo, TestResult } from './source-connector';

/** Rows read per file to show a stream's schema in listStreams. */
const SAMPLE_ROWS = 1000;

/**
 * CSV files as streams: the files under the connection's `path` (a file or a directory, inside
 * the tenant's file root) plus the files uploaded to the connection. A stream is named after
 * its file without the extension. The cursor is the file's SHA-256, so an incremental sync
 * skips a file that has not changed.
 */
export class FileSourceConnector implements SourceConnector {
  readonly kind = 'filesource' as const;
  private readonly config: FileSourceConfig;

  constructor(private readonly context: ConnectorContext) {
    this.config = context.config as FileSourceConfig;
  }

  async test(): Promise<TestResult> {
    try {
      const files = await this.files();
      if (files.size === 0) return { ok: true, message: 'The file root is reachable; there are no CSV files yet: upload one or set path' };
      return { ok: true, message: `${files.size} CSV file(s) readable: ${[...files.keys()].join(', ')}` };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, message: error.message };
      throw error;
    }
  }

  async listStreams(): Promise<StreamInfo[]> {
    const streams: StreamInfo[] = [];
    for (const [name, file] of await this.files()) {
      const reader = this.reader(file, SAMPLE_ROWS);
      let schema;
      try {
        for await (const batch of reader) {
          schema = inferSchema(batch.records.map((r) => r.values), reader.header);
          break;
        }
        schema ??= inferSchema([], reader.header);
      } catch (error) {
        // A file the sync would refuse is still listed; its sync says why.
        if (!(error instanceof DomainError)) throw error;
      }
      streams.push({ name, schema, keyColumns: this.config.keyColumns ?? [] });
    }
    return streams;
  }

  async *read({ stream, batchSize, cursor }: ReadRequest): AsyncGenerator<SourceBatch> {
    const files = await this.files();
    const file = files.get(stream);
    if (!file) throw aamErrors.streamNotFound(stream, [...files.keys()]);
    const checksum = await sha256File(file);
    if (cursor === checksum) return;
    const reader = this.reader(file, batchSize);
    let yielded = false;
    for await (const batch of reader) {
      yielded = true;
      yield {
        rows: batch.records.map((record) => ({ position: record.row, line: record.line, values: record.values })),
        quarantined: batch.quarantined,
        columns: reader.header,
        fileChecksum: checksum,
        cursor: checksum,
      };
    }
    // A header-only file still has columns: its schema is worth recording.
    if (!yielded) yield { rows: [], quarantined: [], columns: reader.summary().header, fileChecksum: checksum, cursor: checksum };
  }

  async close(): Promise<void> {}

  private reader(file: string, batchSize: number): CsvFileReader {
    return new CsvFileReader(createReadStream(file), { batchSize, delimiter: this.config.delimiter, encoding: this.config.encoding });
  }

  /** Stream name → real path. Uploads win over a server-side file of the same name. */
  private async files(): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    if (this.config.path) {
      const real = await resolvePathUnderRoot(this.context.fileRoot, this.config.path, { allowDirectory: true });
      if ((await stat(real)).isDirectory()) for (const file of await csvFiles(real)) files.set(streamName(file), file);
      else files.set(streamName(real), real);
    }
    for (const file of await csvFiles(this.context.uploadDir)) files.set(streamName(file), file);
    return files;
  }
}

export function streamName(file: string): string {
  return basename(file, extname(file)).replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 128);
}

async function csvFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && extname(entry.name).toLowerCase() === '.csv')
    .map((entry) => join(dir, entry.name))
    .sort();
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
