import { RequestContext, systemActor, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { authErrors } from '../../auth.errors';
import { RefreshTokenEntity } from '../../entities/refresh-token.entity';
import { parseRefreshToken, safeEqualHex, sha256 } from '../../session-issuer';
import { LogoutCommand } from './logout.command';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  async execute({ refreshToken }: LogoutCommand): Promise<void> {
    const { tenantId, tokenId, secret } = parseRefreshToken(refreshToken);
    // A logout token must belong to the caller's own tenant.
    if (tenantId !== this.context.tenantId) throw authErrors.invalidToken();
    await this.context.run(tenantId, systemActor('logout'), () =>
      this.db.transaction(async (manager) => {
        const token = await manager.findOne(RefreshTokenEntity, { where: { id: tokenId } });
        if (!token || !safeEqualHex(token.tokenHash, sha256(secret))) throw authErrors.invalidToken();
        await manager.update(RefreshTokenEntity, { familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      }),
    );
  }
}
