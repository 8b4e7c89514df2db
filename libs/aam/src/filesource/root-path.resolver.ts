import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { FileSourceError, FileSourceErrorCode } from './file-source.errors';

/**
 * Resolves a user-supplied relative path to a real file inside `root`. Refuses absolute paths,
 * `..` that climbs out, and symlinks whose target lies outside the root (checked on the real
 * path, after every link is followed). Open the returned path, not the requested one.
 * With `allowDirectory`, a directory under the root is accepted too.
 */
export async function resolvePathUnderRoot(root: string, requested: string, options: { allowDirectory?: boolean } = {}): Promise<string> {
  if (requested.trim() === '' || requested.includes('\0')) {
    throw new FileSourceError(FileSourceErrorCode.InvalidOptions, 'the file path is empty or contains a NUL byte');
  }
  if (path.isAbsolute(requested) || path.win32.isAbsolute(requested)) {
    throw new FileSourceError(FileSourceErrorCode.PathOutsideRoot, `"${requested}" is absolute; give a path relative to the file root`);
  }
  const realRoot = await realpath(root);
  const joined = path.resolve(realRoot, requested);
  if (!isInside(realRoot, joined)) {
    throw new FileSourceError(FileSourceErrorCode.PathOutsideRoot, `"${requested}" escapes the file root`);
  }

  let real: string;
  try {
    real = await realpath(joined);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FileSourceError(FileSourceErrorCode.PathNotFound, `"${requested}" does not exist under the file root`);
    }
    throw error;
  }
  if (!isInside(realRoot, real)) {
    throw new FileSourceError(FileSourceErrorCode.PathOutsideRoot, `"${requested}" is a link to a file outside the file root`);
  }
  const found = await stat(real);
  if (!found.isFile() && !(options.allowDirectory && found.isDirectory())) {
    throw new FileSourceError(FileSourceErrorCode.PathNotAFile, `"${requested}" is not a regular file`);
  }
  return real;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative);
}
