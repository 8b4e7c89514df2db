import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SourceColumn, TargetField } from '@autonomos/repair';

/** Source CSV: header = column names, the first `sampleRows` rows = sample values. */
export function readSourceCsv(path: string, sampleRows = 200): SourceColumn[] {
  const [header, ...rows] = readCsv(path, sampleRows + 1);
  if (!header) throw new Error(`${path}: empty file, expected a header row`);
  return header.map((name, i) => ({ name, samples: rows.map((r) => r[i] ?? '').filter((v) => v !== '') }));
}

/**
 * Target schema: a CSV of the same form as a source (values become the field's samples) or a
 * JSON `{ name?, fields: [{ name, type?, description?, synonyms?, samples? }] }`.
 */
export function readTarget(path: string): TargetField[] {
  if (extname(path).toLowerCase() === '.json') {
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { fields?: TargetField[] } | TargetField[];
    const fields = Array.isArray(doc) ? doc : doc.fields;
    if (!Array.isArray(fields) || fields.some((f) => typeof f?.name !== 'string')) {
      throw new Error(`${path}: expected {"fields": [{"name": ...}, ...]}`);
    }
    return fields;
  }
  const [header, ...rows] = readCsv(path);
  if (!header) throw new Error(`${path}: empty file, expected a header row`);
  return header.map((name, i) => ({ name, samples: [...new Set(rows.map((r) => r[i] ?? '').filter((v) => v !== ''))] }));
}

function readCsv(path: string, maxRows?: number): string[][] {
  return parse(readFileSync(path), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    ...(maxRows ? { to_line: maxRows } : {}),
  }) as string[][];
}
