import 'reflect-metadata';
import { ConfigError, loadConfig } from '@autonomos/platform';

/** The worker: task processor, outbox relay, reconciler. No HTTP. Run as many as you like. */
async function main(): Promise<void> {
  loadConfig();
  const { startWorker } = await import('./bootstrap');
  await startWorker();
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : `worker failed to start: ${error.message}`);
  process.exit(1);
});
