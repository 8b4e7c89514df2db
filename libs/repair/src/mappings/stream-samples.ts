import { GetSchemaQuery, StreamSchema } from '@autonomos/aam';
import { QueryBus } from '@nestjs/cqrs';
import { mappingErrors } from './mappings.errors';

/** The stream's schema at a version (the current one by default) and its column → sample values. */
export async function streamSchema(queries: QueryBus, connectionId: string, stream: string, version?: number) {
  const [history] = await queries.execute(new GetSchemaQuery(connectionId, stream));
  const found = version === undefined ? history?.current : history?.history.find((v) => v.version === version);
  if (!found) throw mappingErrors.invalid(`Stream "${stream}" has no schema yet: sync it first`, [{ field: 'stream', message: 'never synced' }]);
  return { schema: found.schema as StreamSchema, samples: samplesOf(found.schema as StreamSchema) };
}

export const samplesOf = (schema: StreamSchema): Record<string, string[]> => Object.fromEntries(schema.columns.map((c) => [c.name, c.profile.samples]));
