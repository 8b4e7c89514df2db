import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Runs a writer and a reader of a new named pipe at once. A failing writer must still open and
 * close the pipe (copyOutToFile does), so the reader sees its end. When the reader fails (it may
 * never have opened the pipe), what the writer still writes is drained so it can finish.
 */
export async function streamThroughPipe(path: string, write: (pipe: string) => Promise<void>, read: (pipe: string) => Promise<void>): Promise<void> {
  await execFileAsync('mkfifo', [path]);
  let writerDone = false;
  const writing = write(path).finally(() => (writerDone = true));
  // Awaited below; this only keeps a failure before then from counting as unhandled.
  writing.catch(() => undefined);
  try {
    await read(path);
  } catch (error) {
    await drainPipe(path, () => writerDone);
    await writing.catch(() => undefined);
    throw error;
  }
  await writing;
}

/** Reads a named pipe until its writer is done, without ever waiting for a writer to open it. */
async function drainPipe(path: string, writerDone: () => boolean): Promise<void> {
  const pipe = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const buffer = Buffer.alloc(64 * 1024);
  try {
    while (!writerDone()) {
      const { bytesRead } = await pipe.read(buffer, 0, buffer.length, null).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EAGAIN') return { bytesRead: 0 };
        throw error;
      });
      if (bytesRead === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await pipe.close();
  }
}
