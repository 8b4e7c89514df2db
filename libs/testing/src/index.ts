import { join, resolve } from 'node:path';

/**
 * A file under the team's read-only shared folder (sample data, benchmarks). It sits beside the
 * repository (`../shared`) on developer machines and in CI; AUTONOMOS_SHARED_DIR overrides it.
 */
export function sharedPath(...parts: string[]): string {
  const root = process.env.AUTONOMOS_SHARED_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'shared');
  return join(root, ...parts);
}
export * from './sample-mappings';
