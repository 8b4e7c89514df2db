import { sharedPath } from '@autonomos/testing';
import { createReadStream } from 'node:fs';
import { CsvFileReader } from '../filesource/csv.reader';
import { inferSchema, mergeSchemas } from './schema.inferrer';
import { StreamSchema } from './schema.types';

export const COST_REPORTS = sharedPath('data', 'filesource', 'cost_reports.csv');
export const COST_REPORTS_DRIFTED = sharedPath('data', 'filesource', 'cost_reports_drifted.csv');

/** Test helper: a file's schema, read in small batches so merging across batches is exercised. */
export async function schemaOfCsv(path: string, batchSize = 2): Promise<StreamSchema> {
  const reader = new CsvFileReader(createReadStream(path), { batchSize });
  let schema = inferSchema([]);
  for await (const batch of reader) schema = mergeSchemas(schema, inferSchema(batch.records.map((r) => r.values)));
  return mergeSchemas(inferSchema([], reader.summary().header), schema);
}
