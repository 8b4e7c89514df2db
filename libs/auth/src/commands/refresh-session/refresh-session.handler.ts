import { RequestContext, systemActor, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { authErrors } from '../../auth.errors';
import { RefreshTokenEntity } from '../../entities/refresh-token.entity';
import { UserEntity } from '../../entities/user.entity';
import { parseRefreshToken, safeEqualHex, SessionIssuer, sha256 } from '../../session-issuer';
import { RefreshSessionCommand } from './refresh-session.command';

@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute({ refreshToken }: RefreshSessionCommand) {
    const { tenantId, tokenId, secret } = parseRefreshToken(refreshToken);
    const outcome = await this.context.run(tenantId, systemActor('refresh'), () =>
      this.db.transaction(async (manager) => {
        // Lock the row: two concurrent refreshes with one token must not both succeed.
        const token = await manager.findOne(RefreshTokenEntity, { where: { id: tokenId }, lock: { mode: 'pessimistic_write' } });
        if (!token || !safeEqualHex(token.tokenHash, sha256(secret))) return { error: authErrors.invalidToken() };
        if (token.usedAt || token.revokedAt) {
          // Reuse of a rotated token means it leaked: end every session of its family.
          await manager.update(RefreshTokenEntity, { familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
          return { error: token.usedAt ? authErrors.refreshTokenReused() : authErrors.invalidToken() };
        }
        if (token.expiresAt.getTime() <= Date.now()) return { error: authErrors.invalidToken('The refresh token has expired') };
        const user = await manager.findOne(UserEntity, { where: { id: token.userId } });
        if (!user || user.disabledAt) return { error: authErrors.invalidToken('The account is disabled') };
        await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: new Date() });
        return { session: await this.sessions.issue(manager, user, token.familyId) };
      }),
    );
    // Thrown after commit, so the family revocation is kept.
    if ('error' in outcome) throw outcome.error;
    return outcome.session;
  }
}
