import { RequestReviewCommand } from '@autonomos/hitl';
import { getEntity } from '@autonomos/ontology';
import { TenantDb } from '@autonomos/platform';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { MappingChange } from '../../mapping-patch';
import { checkFields } from '../../mapping-validation';
import { MappingStore } from '../../mapping.store';
import { toMappingView } from '../../mapping.views';
import { rememberChanges } from '../../remember-changes';
import { streamSchema } from '../../stream-samples';
import { SetMappingCommand } from './set-mapping.command';

@CommandHandler(SetMappingCommand)
export class SetMappingHandler implements ICommandHandler<SetMappingCommand> {
  constructor(
    private readonly db: TenantDb,
    private readonly store: MappingStore,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ connectionId, stream, entity: entityName, fields, review }: SetMappingCommand) {
    const { samples } = await streamSchema(this.queries, connectionId, stream);
    checkFields(entityName, fields, samples, 'fields');
    const entity = getEntity(entityName)!.name;
    const changes: MappingChange[] = fields.map((f) => ({ action: 'map', column: f.source, target: f.target, transform: f.transform ?? null, confidence: 1, origin: 'human' }));
    if (review) {
      const { itemId } = await this.commands.execute(
        new RequestReviewCommand({
          kind: 'mapping',
          subjectKey: `manual:${randomUUID()}`,
          title: `Mapping of ${stream} to ${entity} set by hand`,
          risk: 'medium',
          connectionId,
          stream,
          payload: { connectionId, stream, entity, replace: true, changes, proposals: [], samples },
        }),
      );
      return { reviewItemId: itemId };
    }
    const { mapping, version } = await this.db.transaction((manager) =>
      this.store.apply(manager, { connectionId, stream, entity, fields: changes.map(({ column, target, transform }) => ({ source: column, target, transform, confidence: 1, origin: 'human' as const })), change: 'set', evidence: {} }),
    );
    await rememberChanges(this.commands, { connectionId, stream, entity, changes, samples });
    return { mapping: toMappingView(mapping, version) };
  }
}
