import { RequestReviewCommand } from '@autonomos/hitl';
import { RequestContext } from '@autonomos/platform';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DiscoveryAgent } from '../../agent/discovery.agent';
import type { ScoredAsset } from '../../agent/recommend';
import { AodClient } from '../../aod/aod.client';
import { aoaErrors } from '../../aoa.errors';
import type { DiscoveredAsset, DiscoveryResponse } from '../../contract/discovery.contract';
import { DiscoveryStore } from '../../discovery.store';
import { DemoScanCommand } from './demo-scan.command';

const PAGE_SIZE = 500;
// 100 pages of 500: an estate larger than this is not a demo.
const MAX_PAGES = 100;

@CommandHandler(DemoScanCommand)
export class DemoScanHandler implements ICommandHandler<DemoScanCommand> {
  constructor(
    private readonly context: RequestContext,
    private readonly aod: AodClient,
    private readonly agent: DiscoveryAgent,
    private readonly store: DiscoveryStore,
    private readonly commands: CommandBus,
  ) {}

  async execute() {
    const tenantId = this.context.tenantId;
    const correlationId = this.context.correlationId ?? randomUUID();
    const { first, assets: discovered } = await this.fullScan(tenantId);
    const { assets, recommendations } = this.agent.handle({
      tenantId,
      correlationId,
      scope: 'full',
      query: '*',
      requestId: first.requestId,
      scannedAt: first.scannedAt,
      assets: discovered,
    });
    const { discoveryId, levels } = await this.store.record({ scope: 'full', query: '*', requestId: first.requestId, assets, recommendations });
    // After the assets are stored: each request is idempotent (subject asset:<id>), so a scan
    // that stopped half-way queues the rest when run again.
    let requested = 0;
    const links: { assetId: string; itemId: string }[] = [];
    for (const scored of assets.filter(({ risk }) => risk.level !== 'low')) {
      const { itemId, created } = await this.commands.execute(new RequestReviewCommand(this.reviewRequest(scored, discoveryId, recommendations.find((r) => r.assetId === scored.asset.id)?.link)));
      links.push({ assetId: scored.asset.id, itemId });
      if (created) requested++;
    }
    await this.store.linkReviews(links);
    return { discoveryId, requestId: first.requestId, total: levels.high.count + levels.medium.count + levels.low.count, levels, reviews: { requested, alreadyQueued: links.length - requested } };
  }

  private async fullScan(tenantId: string): Promise<{ first: DiscoveryResponse; assets: DiscoveredAsset[] }> {
    const assets: DiscoveredAsset[] = [];
    let first: DiscoveryResponse | undefined;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.aod.discover({ tenantId, scope: 'full', query: '*', limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      first ??= answer;
      assets.push(...answer.assets);
      if (!answer.nextCursor) return { first, assets };
      cursor = answer.nextCursor;
    }
    throw aoaErrors.offContract([{ field: 'nextCursor', message: `still set after ${MAX_PAGES} pages` }]);
  }

  private reviewRequest({ asset, risk }: ScoredAsset, discoveryId: string, link: string | undefined) {
    return {
      kind: 'asset' as const,
      subjectKey: `asset:${asset.id}`,
      title: `${risk.level === 'high' ? 'High' : 'Medium'}-risk asset ${asset.name}: ${risk.factors.map((f) => f.detail).join(', ')}`,
      risk: risk.level,
      payload: { assetId: asset.id, discoveryId, asset, riskScore: risk.score, factors: risk.factors, link: link ?? null },
    };
  }
}
