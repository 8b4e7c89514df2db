import { listEntities, OntologyEntity } from '@autonomos/ontology';
import { TargetField } from './matcher.types';

/** An ontology entity as matcher targets. */
export function entityTargets(entity: OntologyEntity): TargetField[] {
  return entity.fields.map((f) => ({
    name: f.name,
    description: f.description,
    synonyms: f.synonyms,
    type: f.type,
    samples: f.samples,
  }));
}

/**
 * When a target schema is (mostly) an ontology entity — e.g. FOCUS columns — adds the
 * entity's synonyms, and its description, type and samples where the target has none.
 * The entity is the one sharing the most field names with the target, if it shares at least 3.
 */
export function withOntologyHints(fields: readonly TargetField[], entities: readonly OntologyEntity[] = listEntities()): TargetField[] {
  const names = new Set(fields.map((f) => f.name.toLowerCase()));
  let best: OntologyEntity | undefined;
  let bestShared = 2;
  for (const entity of entities) {
    const shared = entity.fields.filter((f) => names.has(f.name.toLowerCase())).length;
    if (shared > bestShared) [best, bestShared] = [entity, shared];
  }
  if (!best) return [...fields];
  const byName = new Map(best.fields.map((f) => [f.name.toLowerCase(), f]));
  return fields.map((field) => {
    const known = byName.get(field.name.toLowerCase());
    if (!known) return field;
    return {
      ...field,
      description: field.description ?? known.description,
      type: field.type ?? known.type,
      samples: field.samples?.length ? field.samples : known.samples,
      synonyms: [...new Set([...(field.synonyms ?? []), ...known.synonyms])],
    };
  });
}
