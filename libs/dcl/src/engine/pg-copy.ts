import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';

/** The pg client under a TenantDb transaction: COPY runs inside it, under row-level security. */
async function clientOf(manager: EntityManager): Promise<PoolClient> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('COPY needs a transaction (TenantDb.transaction)');
  return (await manager.queryRunner.connect()) as PoolClient;
}

/** `COPY (query) TO STDOUT` into a file or a named pipe. */
export async function copyOutToFile(manager: EntityManager, copySql: string, path: string): Promise<void> {
  // Opened first and closed whatever happens: the reader of a named pipe waits for a writer.
  const file = createWriteStream(path);
  try {
    const client = await clientOf(manager);
    await pipeline(client.query(copyTo(copySql)), file);
  } catch (error) {
    file.destroy();
    throw error;
  }
}

/** `COPY … FROM STDIN` of text already in COPY's text format. */
export async function copyIn(manager: EntityManager, copySql: string, text: string): Promise<void> {
  const client = await clientOf(manager);
  await pipeline(Readable.from([text]), client.query(copyFrom(copySql)));
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A value as a field of COPY's text format (`\N` is NULL). */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  // Most values need no escape: testing first is cheaper than replacing.
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

/** Streams lines of a file, each turned into a COPY line by `toLine`, into `COPY … FROM STDIN`. */
export async function copyInFromLines(manager: EntityManager, copySql: string, path: string, toLine: (line: string, index: number) => string): Promise<number> {
  const client = await clientOf(manager);
  let count = 0;
  async function* lines() {
    for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
      if (line) yield toLine(line, ++count);
    }
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(copySql)));
  return count;
}
