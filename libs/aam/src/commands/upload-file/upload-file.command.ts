import { Command } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { StreamSyncResult } from '../../sync/stream.ingestor';

/**
 * Stores a CSV upload on a file-source connection and syncs it at once, so a bad file is
 * refused in the response (line and problem) and leaves nothing behind — not even the file.
 */
export class UploadFileCommand extends Command<StreamSyncResult> {
  constructor(
    readonly connectionId: string,
    readonly file: Readable,
    /** The uploaded file's name; the stream is named after it unless `stream` is given. */
    readonly filename: string,
    readonly stream?: string,
  ) {
    super();
  }
}
