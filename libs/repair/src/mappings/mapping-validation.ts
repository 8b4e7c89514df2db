import { getEntity } from '@autonomos/ontology';
import { FieldProblem } from '@autonomos/platform';
import { previewTransform, TransformSpec } from '../transforms';
import { mappingErrors } from './mappings.errors';

const TRANSFORM_KINDS: string[] = ['money_to_decimal', 'date_format', 'scale', 'trim', 'case', 'to_integer', 'to_boolean'] satisfies TransformSpec['kind'][];

export interface FieldInput {
  source: string;
  target: string;
  transform?: TransformSpec | null;
}

/**
 * Refuses (400, each problem named) a mapping whose entity or target field does not exist,
 * whose source is not a column of the stream, or whose transform fails on a sample value.
 * `samples` is column → sample values of the stream's current schema.
 */
export function checkFields(entityName: string, fields: readonly FieldInput[], samples: Record<string, string[]>, path: string): void {
  const entity = getEntity(entityName);
  if (!entity) throw mappingErrors.invalid(`Unknown ontology entity "${entityName}"`, [{ field: 'entity', message: 'unknown entity' }]);
  const problems: FieldProblem[] = [];
  const sources = new Set<string>();
  fields.forEach((field, i) => {
    if (!entity.fields.some((f) => f.name === field.target)) problems.push({ field: `${path}[${i}].target`, message: `${entity.name} has no field "${field.target}"` });
    if (!(field.source in samples)) problems.push({ field: `${path}[${i}].source`, message: `the stream has no column "${field.source}"` });
    if (sources.has(field.source)) problems.push({ field: `${path}[${i}].source`, message: `column "${field.source}" is mapped twice` });
    sources.add(field.source);
    if (!field.transform) return;
    if (!TRANSFORM_KINDS.includes(field.transform.kind)) {
      problems.push({ field: `${path}[${i}].transform.kind`, message: `must be one of ${TRANSFORM_KINDS.join(', ')}` });
      return;
    }
    try {
      const failed = previewTransform(field.transform, samples[field.source] ?? []).find((row) => row.error !== undefined);
      if (failed) problems.push({ field: `${path}[${i}].transform`, message: `fails on the sample value "${failed.before}": ${failed.error}` });
    } catch (error) {
      problems.push({ field: `${path}[${i}].transform`, message: `is not a valid transform: ${(error as Error).message}` });
    }
  });
  if (problems.length > 0) throw mappingErrors.invalid('The mapping does not fit the stream or the ontology', problems);
}
