import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The API routes the dev server forwards to the api (make demo's, by default), so the console stays same-origin.
const api = process.env.CONSOLE_API_URL ?? 'http://127.0.0.1:3000';
const apiPrefixes = ['/auth', '/users', '/api-keys', '/tasks', '/health', '/ontology', '/llm', '/repair', '/connections', '/drift', '/quarantine', '/events', '/debug', '/dcl', '/pilots', '/mappings', '/hitl', '/audit', '/settings', '/notifications', '/schedules', '/sagas', '/aoa'];

export default defineConfig({
  root: here('.'),
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@autonomos/sdk': here('../../libs/sdk/src') } },
  build: { outDir: here('./dist'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, proxy: Object.fromEntries(apiPrefixes.map((p) => [p, { target: api, ws: p === '/events' }])) },
});
