import { FieldProblem } from '@autonomos/platform';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { aamErrors } from '../aam.errors';
import { FileSourceConfig } from './connection-config';
import { FileSourceConnector } from './filesource.connector';
import { MongoConfig, MongoCredentials } from './mongodb-connection.dto';
import { MongoConnector } from './mongodb.connector';
import { PostgresConfig, PostgresCredentials } from './postgres-connection.dto';
import { PostgresConnector } from './postgres.connector';
import { SalesforceConfig, SalesforceCredentials } from './salesforce-connection.dto';
import { SalesforceConnector } from './salesforce.connector';
import { ConnectionKind, ConnectorContext, SourceConnector } from './source-connector';

export interface ConnectorDefinition {
  /** class-validator class of `config`; unknown fields are refused. */
  config: new () => object;
  /** class-validator class of `credentials`; absent when the kind takes none. */
  credentials?: new () => object;
  /** Absent until the kind's connector is built: such connections can be stored but not used. */
  create?: (context: ConnectorContext) => SourceConnector;
}

/**
 * THE registration point: one entry per connection kind. A connector is added by giving its
 * kind a `create` (and adjusting its config/credentials classes).
 */
export const CONNECTOR_DEFINITIONS: Record<ConnectionKind, ConnectorDefinition> = {
  filesource: { config: FileSourceConfig, create: (context) => new FileSourceConnector(context) },
  postgres: { config: PostgresConfig, credentials: PostgresCredentials, create: (context) => PostgresConnector.fromContext(context) },
  supabase: { config: PostgresConfig, credentials: PostgresCredentials, create: (context) => PostgresConnector.fromContext(context, 'supabase') },
  salesforce: { config: SalesforceConfig, credentials: SalesforceCredentials, create: (context) => SalesforceConnector.fromContext(context) },
  mongodb: { config: MongoConfig, credentials: MongoCredentials, create: (context) => MongoConnector.fromContext(context) },
};

export function createConnector(kind: ConnectionKind, context: ConnectorContext): SourceConnector {
  const create = CONNECTOR_DEFINITIONS[kind].create;
  if (!create) throw aamErrors.connectorUnavailable(kind);
  return create(context);
}

/** Validates a kind's config and credentials; a 400 names every bad field (`config.host`). */
export async function validateConnectionSettings(
  kind: ConnectionKind,
  config: unknown,
  credentials: unknown,
): Promise<{ config: Record<string, unknown>; credentials: Record<string, unknown> | null }> {
  const definition = CONNECTOR_DEFINITIONS[kind];
  const problems: FieldProblem[] = [];
  const validConfig = await validateObject(definition.config, config, 'config', problems);
  let validCredentials: Record<string, unknown> | null = null;
  if (credentials !== undefined && credentials !== null) {
    if (!definition.credentials) problems.push({ field: 'credentials', message: `a ${kind} connection takes no credentials` });
    else validCredentials = await validateObject(definition.credentials, credentials, 'credentials', problems);
  }
  if (problems.length > 0) throw aamErrors.invalidConnection(problems);
  return { config: validConfig, credentials: validCredentials };
}

async function validateObject(type: new () => object, value: unknown, field: string, problems: FieldProblem[]): Promise<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ field, message: 'must be an object' });
    return {};
  }
  const instance = plainToInstance(type, value);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  problems.push(...flatten(errors, field));
  return { ...instance } as Record<string, unknown>;
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = `${prefix}.${error.property}`;
    return [...Object.values(error.constraints ?? {}).map((message) => ({ field, message })), ...flatten(error.children ?? [], field)];
  });
}
