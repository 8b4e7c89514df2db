import { AppConfig, RequestContext } from '@autonomos/platform';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LlmGateway } from '../../llm-gateway';
import { LlmTelemetry } from '../../llm-telemetry';
import { GetLlmTelemetryQuery } from './get-llm-telemetry.query';

@QueryHandler(GetLlmTelemetryQuery)
export class GetLlmTelemetryHandler implements IQueryHandler<GetLlmTelemetryQuery> {
  constructor(
    private readonly telemetry: LlmTelemetry,
    private readonly gateway: LlmGateway,
    private readonly context: RequestContext,
    private readonly config: AppConfig,
  ) {}

  async execute({ days }: GetLlmTelemetryQuery) {
    const usage = await this.telemetry.lastDays(this.context.tenantId, days);
    const budget = this.config.get('LLM_TENANT_DAILY_TOKENS');
    const today = usage[0].promptTokens + usage[0].completionTokens;
    return { status: await this.gateway.status(), dailyTokenBudget: budget, tokensLeftToday: Math.max(0, budget - today), days: usage };
  }
}
