import { RequestContext } from '@autonomos/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DiscoveryAgent } from '../../agent/discovery.agent';
import { AodClient } from '../../aod/aod.client';
import { DiscoveryStore } from '../../discovery.store';
import { DiscoverCommand } from './discover.command';

@CommandHandler(DiscoverCommand)
export class DiscoverHandler implements ICommandHandler<DiscoverCommand> {
  constructor(
    private readonly context: RequestContext,
    private readonly aod: AodClient,
    private readonly agent: DiscoveryAgent,
    private readonly store: DiscoveryStore,
  ) {}

  async execute({ query }: DiscoverCommand) {
    const tenantId = this.context.tenantId;
    const correlationId = this.context.correlationId ?? randomUUID();
    const answer = await this.aod.discover({ tenantId, scope: 'query', query });
    const { assets, recommendations } = this.agent.handle({
      tenantId,
      correlationId,
      scope: 'query',
      query: query.trim(),
      requestId: answer.requestId,
      scannedAt: answer.scannedAt,
      assets: answer.assets,
    });
    const { discoveryId, levels } = await this.store.record({ scope: 'query', query: query.trim(), requestId: answer.requestId, assets, recommendations });
    return { discoveryId, requestId: answer.requestId, correlationId, assets: assets.map(({ asset, risk }) => ({ ...asset, risk })), levels, recommendations };
  }
}
