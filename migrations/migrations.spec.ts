import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './index';

describe('migrations/index.ts', () => {
  it('lists every migration file, in timestamp order', () => {
    const files = readdirSync(__dirname).filter((file) => /^\d+-.*\.ts$/.test(file) && !file.endsWith('.spec.ts'));
    const listed = MIGRATIONS.map((migration) => /(\d+)$/.exec(migration.name)?.[1]);
    expect(listed).toEqual(files.map((file) => file.split('-')[0]).sort());
  });
});
