// The canonical model is plain data (no classes) so it can be served as JSON by GET /ontology.

export type Domain = 'finops' | 'revops';

export type LogicalType =
  | 'string'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'id'
  | 'email'
  | 'phone'
  | 'url'
  | 'currency_code'
  | 'json';

export interface OntologyField {
  name: string;
  type: LogicalType;
  description: string;
  /** Names the same concept goes by in real exports (AWS CUR, Azure, GCP, Salesforce, HubSpot, Dynamics). */
  synonyms: string[];
  samples?: string[];
  required: boolean;
}

export interface OntologyEntity {
  name: string;
  domain: Domain;
  description: string;
  keyFields: string[];
  fields: OntologyField[];
}
