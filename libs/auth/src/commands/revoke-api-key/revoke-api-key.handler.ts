import { TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { authErrors } from '../../auth.errors';
import { ApiKeyEntity } from '../../entities/api-key.entity';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(private readonly db: TenantDb) {}

  async execute({ apiKeyId }: RevokeApiKeyCommand): Promise<void> {
    await this.db.transaction(async (manager) => {
      const key = await manager.findOne(ApiKeyEntity, { where: { id: apiKeyId } });
      if (!key) throw authErrors.apiKeyNotFound(apiKeyId);
      await manager.update(ApiKeyEntity, { id: apiKeyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
  }
}
