export * from './ontology.types';
export { ONTOLOGY_VERSION, getEntity, listEntities } from './ontology';
