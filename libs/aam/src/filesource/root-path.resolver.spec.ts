import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileSourceErrorCode } from './file-source.errors';
import { resolvePathUnderRoot } from './root-path.resolver';

describe('resolvePathUnderRoot', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'aam-root-')));
    root = path.join(base, 'root');
    mkdirSync(path.join(root, 'exports'), { recursive: true });
    writeFileSync(path.join(root, 'exports', 'costs.csv'), 'id\n1\n');
    writeFileSync(path.join(base, 'secret.csv'), 'token\nabc\n');
    symlinkSync(path.join(base, 'secret.csv'), path.join(root, 'escape.csv'));
    symlinkSync(path.join(root, 'exports', 'costs.csv'), path.join(root, 'inside-link.csv'));
    symlinkSync(base, path.join(root, 'parent-dir'));
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const code = (requested: string) =>
    resolvePathUnderRoot(root, requested).then(
      () => 'resolved',
      (error: { code: string }) => error.code,
    );

  it('resolves a relative path inside the root to its real path', async () => {
    await expect(resolvePathUnderRoot(root, 'exports/../exports/costs.csv')).resolves.toBe(path.join(root, 'exports', 'costs.csv'));
  });

  it('follows a symlink that stays inside the root', async () => {
    await expect(resolvePathUnderRoot(root, 'inside-link.csv')).resolves.toBe(path.join(root, 'exports', 'costs.csv'));
  });

  it.each([
    ['../secret.csv', FileSourceErrorCode.PathOutsideRoot],
    ['exports/../../secret.csv', FileSourceErrorCode.PathOutsideRoot],
    ['/etc/passwd', FileSourceErrorCode.PathOutsideRoot],
    ['C:\\Windows\\win.ini', FileSourceErrorCode.PathOutsideRoot],
    ['escape.csv', FileSourceErrorCode.PathOutsideRoot],
    ['parent-dir/secret.csv', FileSourceErrorCode.PathOutsideRoot],
    ['.', FileSourceErrorCode.PathOutsideRoot],
    ['missing.csv', FileSourceErrorCode.PathNotFound],
    ['exports', FileSourceErrorCode.PathNotAFile],
    ['', FileSourceErrorCode.InvalidOptions],
    ['costs\0.csv', FileSourceErrorCode.InvalidOptions],
  ])('refuses %j with %s', async (requested, expected) => {
    await expect(code(requested)).resolves.toBe(expected);
  });
});
