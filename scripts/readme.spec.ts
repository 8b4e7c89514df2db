import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configTable } from './config-table';

describe('README', () => {
  it('carries the configuration table of every variable the code reads', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const missing = configTable()
      .split('\n')
      .slice(2)
      .filter((row) => !readme.includes(row));
    // Regenerate with: node -r @swc-node/register scripts/config-table.ts
    expect(missing).toEqual([]);
  });
});
