import { LlmGateway } from '@autonomos/llm';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { llmReranker } from '../../llm-reranker';
import { proposeRepair } from '../../proposals/propose-repair';
import { RecallMappingsQuery } from '../../queries/recall-mappings/recall-mappings.query';
import { ProposeRepairCommand } from './propose-repair.command';

@CommandHandler(ProposeRepairCommand)
export class ProposeRepairHandler implements ICommandHandler<ProposeRepairCommand> {
  constructor(
    private readonly queries: QueryBus,
    private readonly llm: LlmGateway,
  ) {}

  async execute({ input }: ProposeRepairCommand) {
    const columns = input.schema.columns.map((c) => ({ name: c.name, samples: c.profile.samples }));
    const recalled = await this.queries.execute(new RecallMappingsQuery(columns, { entity: input.entity }));
    const memory = recalled.flatMap(({ column, memories }) => memories.map((m) => ({ sourceName: column, targetName: m.targetField, similarity: m.similarity })));
    const llm = (await this.llm.status()).enabled ? llmReranker(this.llm) : undefined;
    return proposeRepair({ ...input, memory, llm });
  }
}
