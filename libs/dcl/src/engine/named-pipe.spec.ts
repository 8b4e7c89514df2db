import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { streamThroughPipe } from './named-pipe';

/** Writes text into the pipe, opening it first whatever happens (as copyOutToFile does). */
const writeText = (text: string, fail?: Error) => async (path: string) => {
  const file = createWriteStream(path);
  if (fail) {
    file.destroy();
    throw fail;
  }
  await pipeline(Readable.from([text]), file);
};
const readLength = async (path: string) => {
  let length = 0;
  for await (const chunk of createReadStream(path)) length += (chunk as Buffer).length;
  return length;
};

describe('streamThroughPipe', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'named-pipe-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('hands everything written to the reader, nothing included', async () => {
    let read = -1;
    await streamThroughPipe(join(dir, 'a'), writeText('x'.repeat(5_000_000)), async (path) => void (read = await readLength(path)));
    expect(read).toBe(5_000_000);
    await streamThroughPipe(join(dir, 'b'), writeText(''), async (path) => void (read = await readLength(path)));
    expect(read).toBe(0);
  });

  // Each of these used to be able to leave one side waiting for the other for ever (a refresh that never ends).
  it('fails with the reader’s error when the reader fails before opening the pipe, after draining the writer', async () => {
    await expect(streamThroughPipe(join(dir, 'a'), writeText('x'.repeat(5_000_000)), () => Promise.reject(new Error('bad view SQL')))).rejects.toThrow('bad view SQL');
  });

  it('fails with the writer’s error when the writer fails before writing; the reader sees the end', async () => {
    let read = -1;
    await expect(streamThroughPipe(join(dir, 'a'), writeText('', new Error('COPY failed')), async (path) => void (read = await readLength(path)))).rejects.toThrow('COPY failed');
    expect(read).toBe(0);
  });

  it('fails with the reader’s error when the reader fails after reading everything', async () => {
    await expect(
      streamThroughPipe(join(dir, 'a'), writeText('x'.repeat(1000)), async (path) => {
        await readLength(path);
        throw new Error('canonical SQL failed');
      }),
    ).rejects.toThrow('canonical SQL failed');
  });
});
