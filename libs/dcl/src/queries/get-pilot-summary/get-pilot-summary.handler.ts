import { ListConnectionsQuery } from '@autonomos/aam';
import { LlmGateway } from '@autonomos/llm';
import { TenantDb } from '@autonomos/platform';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { In } from 'typeorm';
import { z } from 'zod';
import { ViewRefreshEntity } from '../../entities/view-refresh.entity';
import { finopsFigures, finopsTemplate, revopsFigures, revopsTemplate } from './pilot-figures';
import { GetPilotSummaryQuery, PilotSummary } from './get-pilot-summary.query';

const VIEWS_READ = { finops: ['cost_by_service_month', 'cost_anomalies'], revops: ['pipeline_by_stage', 'win_rate_by_owner', 'stalled_opportunities'] } as const;
const NARRATIVE = z.object({ narrative: z.string().max(600) });

@QueryHandler(GetPilotSummaryQuery)
export class GetPilotSummaryHandler implements IQueryHandler<GetPilotSummaryQuery> {
  constructor(
    private readonly db: TenantDb,
    private readonly queries: QueryBus,
    private readonly llm: LlmGateway,
  ) {}

  async execute({ pilot }: GetPilotSummaryQuery): Promise<PilotSummary> {
    const views: readonly string[] = VIEWS_READ[pilot];
    const { rows, refreshes } = await this.db.transaction(async (manager) => ({
      rows: (await manager.query(`SELECT view, row FROM dcl_view_rows WHERE view = ANY($1) ORDER BY view, row_no`, [views])) as { view: string; row: Record<string, unknown> }[],
      refreshes: await manager.find(ViewRefreshEntity, { where: { view: In([...views]) } }),
    }));
    const of = (view: string) => rows.filter((r) => r.view === view).map((r) => r.row);
    const figures =
      pilot === 'finops' ? finopsFigures(of('cost_by_service_month'), of('cost_anomalies')) : revopsFigures(of('pipeline_by_stage'), of('win_rate_by_owner'), of('stalled_opportunities'));
    const template = pilot === 'finops' ? finopsTemplate(figures as ReturnType<typeof finopsFigures>) : revopsTemplate(figures as ReturnType<typeof revopsFigures>);
    const connections = await this.queries.execute(new ListConnectionsQuery());
    const narrative = await this.narrate(pilot, figures, template);
    return {
      pilot,
      sources: connections.filter((c) => c.domain === pilot || c.domain === 'unknown').map((c) => ({ connectionId: c.id, name: c.name, kind: c.kind, domain: c.domain })),
      refreshedAt: refreshes.length === views.length ? refreshes.map((r) => r.refreshedAt.toISOString()).sort()[0] : null,
      narrative: narrative ?? template,
      narrativeSource: narrative ? 'llm' : 'template',
      figures,
    };
  }

  /** A short narrative from the LLM when it is enabled for the tenant; null means use the template. */
  private async narrate(pilot: string, figures: object, template: string): Promise<string | null> {
    if (!(await this.llm.status()).enabled) return null;
    const answer = await this.llm.structured({
      name: 'write_summary',
      schema: NARRATIVE,
      system: `You are a ${pilot === 'finops' ? 'FinOps' : 'RevOps'} analyst. In at most three sentences, summarise the figures for an executive. Quote numbers exactly as given; invent nothing.`,
      user: JSON.stringify({ figures, draft: template }),
    });
    return answer?.narrative.trim() || null;
  }
}
