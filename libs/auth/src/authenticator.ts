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

/** How many verified access tokens are remembered; beyond it the oldest is forgotten. */
const REMEMBERED_TOKENS = 10_000;

/** Turns a bearer token or an API key into the principal the request acts as. */
@Injectable()
export class Authenticator {
  /**
   * Access tokens already verified, until they expire: a client sends the same token on every
   * request, and checking its signature and claims each time was a tenth of a small read's CPU.
   * Keyed by the whole token, so only the exact signed bytes hit.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

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
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.principal;
    let claims: AccessClaims & { exp?: number };
    try {
      // Algorithm, issuer and audience are pinned in the JwtModule's verify options.
      claims = await this.jwt.verifyAsync<AccessClaims & { exp?: number }>(token);
    } catch {
      this.verified.delete(token); // remembered once, expired since
      throw authErrors.invalidToken();
    }
    if (!claims.sub || !claims.tid || !claims.role) throw authErrors.invalidToken();
    // Frozen: remembered principals are shared by every request that sends the token.
    const principal: Principal = Object.freeze({ tenantId: claims.tid, actor: Object.freeze({ type: 'user', id: claims.sub, role: claims.role }) });
    if (claims.exp) this.remember(token, principal, claims.exp * 1000);
    return principal;
  }

  private remember(token: string, principal: Principal, expiresAtMs: number): void {
    if (this.verified.size >= REMEMBERED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expiresAtMs });
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
