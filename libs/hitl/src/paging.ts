import { DomainError } from '@autonomos/platform';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursor over (time, id): stable while rows are being added. */
export const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{1,36}$/.test(id ?? '')) {
    throw new DomainError('invalid_cursor', 'invalid', 'The cursor is malformed', [{ field: 'cursor', message: 'malformed' }]);
  }
  return { at, id };
}
