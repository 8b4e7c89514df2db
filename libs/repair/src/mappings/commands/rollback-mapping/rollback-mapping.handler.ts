import { TenantDb } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MappingEntity } from '../../entities/mapping.entity';
import { MappingVersionEntity } from '../../entities/mapping-version.entity';
import { mappingErrors } from '../../mappings.errors';
import { MappingStore } from '../../mapping.store';
import { toMappingView } from '../../mapping.views';
import { RollbackMappingCommand } from './rollback-mapping.command';

@CommandHandler(RollbackMappingCommand)
export class RollbackMappingHandler implements ICommandHandler<RollbackMappingCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly store: MappingStore,
  ) {}

  async execute({ mappingId, version }: RollbackMappingCommand) {
    return this.db.transaction(async (manager) => {
      const mapping = await manager.findOne(MappingEntity, { where: { id: mappingId } });
      if (!mapping) throw mappingErrors.notFound(mappingId);
      const wanted = version ?? mapping.version - 1;
      if (wanted === mapping.version) throw mappingErrors.alreadyActive(wanted);
      const earlier = await manager.findOne(MappingVersionEntity, { where: { mappingId, version: wanted } });
      if (!earlier) throw mappingErrors.versionNotFound(mappingId, wanted);
      const applied = await this.store.apply(manager, {
        connectionId: mapping.connectionId,
        stream: mapping.stream,
        entity: earlier.entity,
        fields: earlier.fields,
        change: 'rollback',
        evidence: { rolledBackTo: wanted, from: mapping.version },
      });
      return toMappingView(applied.mapping, applied.version);
    });
  }
}
