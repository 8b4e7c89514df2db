import { RequestContext, SecretBox, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { aamErrors } from '../../aam.errors';
import { toConnectionView } from '../../aam.views';
import { validateConnectionSettings } from '../../connectors/connector.factory';
import { ConnectionEntity } from '../../entities/connection.entity';
import { validateContracts } from '../../schema/contract.validator';
import { secretContext } from '../../sync/connector.provider';
import { CreateConnectionCommand } from './create-connection.command';

@CommandHandler(CreateConnectionCommand)
export class CreateConnectionHandler implements ICommandHandler<CreateConnectionCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly secrets: SecretBox,
  ) {}

  async execute({ name, kind, config, credentials, domainOverride, contracts }: CreateConnectionCommand) {
    const settings = await validateConnectionSettings(kind, config, credentials);
    const checked = validateContracts(contracts ?? {});
    if (checked.problems.length > 0) throw aamErrors.invalidConnection(checked.problems);
    const ids = { id: randomUUID(), tenantId: this.context.tenantId };
    const saved = await this.db.transaction((manager) =>
      manager.save(
        manager.create(ConnectionEntity, {
          ...ids,
          name,
          kind,
          config: settings.config,
          sealedCredentials: settings.credentials ? this.secrets.seal(JSON.stringify(settings.credentials), secretContext(ids)) : null,
          domainOverride: domainOverride ?? null,
          contracts: checked.contracts,
          cursors: {},
        }),
      ),
    );
    return toConnectionView(saved);
  }
}
