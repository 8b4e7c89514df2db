import { RequestContext, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomBytes, randomUUID } from 'node:crypto';
import { formatApiKey } from '../../api-key-format';
import { ApiKeyEntity } from '../../entities/api-key.entity';
import { sha256 } from '../../session-issuer';
import { toApiKeyView } from '../../views';
import { CreateApiKeyCommand } from './create-api-key.command';

@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {}

  async execute({ name, role }: CreateApiKeyCommand) {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const actor = this.context.actor;
    const saved = await this.db.transaction((manager) =>
      manager.save(
        manager.create(ApiKeyEntity, {
          id,
          tenantId: this.context.tenantId,
          name,
          role,
          keyHash: sha256(secret),
          createdBy: actor.type === 'user' ? actor.id : null,
          lastUsedAt: null,
          revokedAt: null,
        }),
      ),
    );
    return { ...toApiKeyView(saved), key: formatApiKey(id, secret) };
  }
}
