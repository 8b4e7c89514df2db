import { SecretBox, TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aamErrors } from '../../aam.errors';
import { toConnectionView } from '../../aam.views';
import { findConnection } from '../../connection.lookup';
import { validateConnectionSettings } from '../../connectors/connector.factory';
import { validateContracts } from '../../schema/contract.validator';
import { secretContext } from '../../sync/connector.provider';
import { UpdateConnectionCommand } from './update-connection.command';

@CommandHandler(UpdateConnectionCommand)
export class UpdateConnectionHandler implements ICommandHandler<UpdateConnectionCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly secrets: SecretBox,
  ) {}

  async execute({ id, changes }: UpdateConnectionCommand) {
    const saved = await this.db.transaction(async (manager) => {
      const connection = await findConnection(manager, id);
      const settings = await validateConnectionSettings(connection.kind, changes.config ?? connection.config, changes.credentials);
      if (changes.contracts !== undefined) {
        const checked = validateContracts(changes.contracts);
        if (checked.problems.length > 0) throw aamErrors.invalidConnection(checked.problems);
        connection.contracts = checked.contracts;
      }
      if (changes.name !== undefined) connection.name = changes.name;
      if (changes.config !== undefined) connection.config = settings.config;
      if (changes.credentials !== undefined) {
        connection.sealedCredentials = settings.credentials ? this.secrets.seal(JSON.stringify(settings.credentials), secretContext(connection)) : null;
      }
      if (changes.domainOverride !== undefined) connection.domainOverride = changes.domainOverride;
      return manager.save(connection);
    });
    return toConnectionView(saved);
  }
}
