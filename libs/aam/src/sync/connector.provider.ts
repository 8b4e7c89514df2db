import { AppConfig, SecretBox } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createConnector } from '../connectors/connector.factory';
import { ConnectorContext, SourceConnector } from '../connectors/source-connector';
import { ConnectionEntity } from '../entities/connection.entity';

/** Builds a connection's connector: opens its credentials, and confines file access to the tenant's directory. */
@Injectable()
export class ConnectorProvider {
  constructor(
    private readonly config: AppConfig,
    private readonly secrets: SecretBox,
  ) {}

  /** FILESOURCE_ROOT/<tenant>: server-side files of the tenant, and its uploads. */
  fileRoot(tenantId: string): string {
    return join(this.config.get('FILESOURCE_ROOT'), tenantId);
  }

  uploadDir(tenantId: string, connectionId: string): string {
    return join(this.fileRoot(tenantId), 'uploads', connectionId);
  }

  /** `overrides` point a file source at a staged upload. */
  async open(connection: ConnectionEntity, overrides: Partial<Pick<ConnectorContext, 'uploadDir'>> = {}): Promise<SourceConnector> {
    const fileRoot = this.fileRoot(connection.tenantId);
    await mkdir(fileRoot, { recursive: true });
    const credentials = connection.sealedCredentials ? JSON.parse(this.secrets.open(connection.sealedCredentials, secretContext(connection))) : null;
    return createConnector(connection.kind, {
      tenantId: connection.tenantId,
      connectionId: connection.id,
      config: connection.config,
      credentials,
      fileRoot,
      uploadDir: this.uploadDir(connection.tenantId, connection.id),
      ...overrides,
    });
  }
}

/** Associated data of a connection's sealed credentials: they open only on their own row. */
export const secretContext = (connection: { tenantId: string; id: string }) => `connection:${connection.tenantId}:${connection.id}`;
