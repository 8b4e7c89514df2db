import { Actor, Role, TenantDb } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { parseApiKey } from './api-key-format';
import { authErrors } from './auth.errors';
import { AccessClaims, safeEqualHex, sha256 } from './session-issuer';

export interface Principal {
  tenantId: string;
  actor: Actor;
}

interface ApiKeyRow {
  tenant_id: string;
  role: Role;
  key_hash: string;
  revoked: boolean;
}

/** Turns a bearer token or an API key into the principal the request acts as. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly db: TenantDb,
  ) {}

  async fromHeaders(authorization: string | undefined, apiKey: string | undefined): Promise<Principal> {
    if (apiKey) return this.fromApiKey(apiKey);
    const match = /^Bearer (.+)$/i.exec(authorization ?? '');
    if (!match) throw authErrors.invalidToken('Authentication required: send "Authorization: Bearer <access token>" or "X-API-Key"');
    return this.fromAccessToken(match[1]);
  }

  async fromAccessToken(token: string): Promise<Principal> {
    let claims: AccessClaims;
    try {
      // Algorithm, issuer and audience are pinned in the JwtModule's verify options.
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw authErrors.invalidToken();
    }
    if (!claims.sub || !claims.tid || !claims.role) throw authErrors.invalidToken();
    return { tenantId: claims.tid, actor: { type: 'user', id: claims.sub, role: claims.role } };
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const parsed = parseApiKey(key);
    if (!parsed) throw authErrors.invalidToken('The API key is malformed');
    const [row] = await this.db.query<ApiKeyRow>('SELECT * FROM auth_api_key_lookup($1)', [parsed.id]);
    if (!row || row.revoked || !safeEqualHex(row.key_hash, sha256(parsed.secret))) {
      throw authErrors.invalidToken('The API key is unknown or revoked');
    }
    return { tenantId: row.tenant_id, actor: { type: 'api_key', id: parsed.id, role: row.role } };
  }
}
