import 'reflect-metadata';
import { AppConfig, ConfigError, loadConfig } from '@autonomos/platform';

async function main(): Promise<void> {
  loadConfig(); // before the app module is loaded, so a bad variable is one clear line
  const { createApi } = await import('./bootstrap');
  const app = await createApi();
  await app.listen({ port: app.get(AppConfig).get('PORT'), host: '0.0.0.0' });
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : `api failed to start: ${error.message}`);
  process.exit(1);
});
