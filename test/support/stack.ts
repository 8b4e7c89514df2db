import { createClient, type Client } from '@autonomos/sdk';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createApi } from '../../apps/api/src/bootstrap';
import { startWorker } from '../../apps/worker/src/bootstrap';

export interface Stack {
  baseUrl: string;
  api: NestFastifyApplication;
  worker?: INestApplicationContext;
  close(): Promise<void>;
}

/** The api listening on a free port, and (by default) a worker, both in this process. */
export async function startStack(options: { worker?: boolean } = {}): Promise<Stack> {
  const api = await createApi();
  await api.listen({ port: 0, host: '127.0.0.1' });
  const address = api.getHttpServer().address() as { port: number };
  const worker = options.worker === false ? undefined : await startWorker();
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    api,
    worker,
    async close() {
      await worker?.close();
      await api.close();
    },
  };
}

/** A worker in its own process, so a test can kill it mid-task. */
export function spawnWorker(): ChildProcess {
  const root = join(__dirname, '..', '..');
  return spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/worker/src/main.ts')], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** An SDK client, signed in with a bearer token or an API key when given. */
export function sdk(baseUrl: string, auth: { token?: string; apiKey?: string } = {}): Client {
  const headers: Record<string, string> = {};
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.apiKey) headers['x-api-key'] = auth.apiKey;
  return createClient({ baseUrl, headers });
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function expectEventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${lastError ? `: ${(lastError as Error).message}` : ''}`);
}
