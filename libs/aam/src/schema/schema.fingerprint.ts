import { createHash } from 'node:crypto';
import { StreamSchema } from './schema.types';

/**
 * SHA-256 (hex) of the schema's shape: columns sorted by name, each with its type, nullability
 * and format. Column order and profiles (sample values, counts) do not count, so reordering
 * columns or new data alone keeps the fingerprint. Format is included because a new date pattern
 * or currency is a drift consumers must hear about even when the type stays the same.
 */
export function schemaFingerprint(schema: StreamSchema): string {
  const shape = [...schema.columns]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => [c.name, c.type, c.nullable, Object.entries(c.format).sort(([a], [b]) => (a < b ? -1 : 1))]);
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex');
}
