import { AppConfig, Role } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { authErrors } from './auth.errors';
import { RefreshTokenEntity } from './entities/refresh-token.entity';

export interface AccessClaims {
  sub: string;
  tid: string;
  role: Role;
}

export interface AuthSession {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Refresh tokens read `<tenantId>.<tokenId>.<secret>`: the tenant scopes the lookup under
 * row-level security, the id finds the row, and only a hash of the secret is stored.
 */
export function parseRefreshToken(token: string): { tenantId: string; tokenId: string; secret: string } {
  const match = /^([0-9a-f-]{36})\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw authErrors.invalidToken();
  return { tenantId: match[1], tokenId: match[2], secret: match[3] };
}

@Injectable()
export class SessionIssuer {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** Issues an access token and a refresh token; the refresh row is written in `manager`'s transaction. */
  async issue(manager: EntityManager, user: { id: string; tenantId: string; role: Role }, familyId: string = randomUUID()): Promise<AuthSession> {
    const tokenId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, {
      id: tokenId,
      tenantId: user.tenantId,
      userId: user.id,
      familyId,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.get('REFRESH_TOKEN_TTL') * 1000),
    });
    const claims: AccessClaims = { sub: user.id, tid: user.tenantId, role: user.role };
    return {
      accessToken: await this.jwt.signAsync(claims),
      refreshToken: `${user.tenantId}.${tokenId}.${secret}`,
      expiresIn: this.config.get('ACCESS_TOKEN_TTL'),
      tokenType: 'Bearer',
    };
  }
}
