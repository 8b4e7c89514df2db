import { LogicalType, OntologyField } from './ontology.types';

/** Compact builder so the entity tables stay readable. */
export function field(
  name: string,
  type: LogicalType,
  description: string,
  synonyms: string[],
  opts: { required?: boolean; samples?: string[] } = {},
): OntologyField {
  return {
    name,
    type,
    description,
    synonyms,
    required: opts.required ?? false,
    ...(opts.samples ? { samples: opts.samples } : {}),
  };
}
