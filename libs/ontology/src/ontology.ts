import { CLOUD_RESOURCE, COST_LINE_ITEM } from './finops.entities';
import { OntologyEntity } from './ontology.types';
import { ACCOUNT, CONTACT, LEAD, OPPORTUNITY } from './revops.entities';

/** Bump on any change to entities or fields, so stored mappings can say which model they target. */
export const ONTOLOGY_VERSION = '1.0.0';

const ENTITIES: readonly OntologyEntity[] = [COST_LINE_ITEM, CLOUD_RESOURCE, ACCOUNT, CONTACT, OPPORTUNITY, LEAD];

export function listEntities(): readonly OntologyEntity[] {
  return ENTITIES;
}

/** Case-insensitive lookup; undefined when no entity has that name. */
export function getEntity(name: string): OntologyEntity | undefined {
  const wanted = name.toLowerCase();
  return ENTITIES.find((e) => e.name.toLowerCase() === wanted);
}
