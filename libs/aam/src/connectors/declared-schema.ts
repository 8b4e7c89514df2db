import type { LogicalType } from '../schema/logical-type.lattice';
import type { StreamSchema } from '../schema/schema.types';

export interface DeclaredColumn {
  name: string;
  type: LogicalType;
  nullable: boolean;
}

/**
 * A stream schema from the source's own metadata (information_schema, describe) rather than
 * from sampled values: no rows observed, so the profiles are empty.
 */
export function declaredSchema(columns: readonly DeclaredColumn[]): StreamSchema {
  return {
    rows: 0,
    columns: columns.map(({ name, type, nullable }) => ({
      name,
      type,
      nullable,
      format: {},
      profile: { count: 0, nullCount: 0, nullRatio: 0, samples: [] },
    })),
  };
}
