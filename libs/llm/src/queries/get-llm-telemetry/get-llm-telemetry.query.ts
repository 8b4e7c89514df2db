import { Query } from '@nestjs/cqrs';
import type { LlmStatus } from '../../llm-gateway';
import type { LlmUsageDay } from '../../llm-telemetry';

export interface LlmTelemetryView {
  status: LlmStatus;
  dailyTokenBudget: number;
  tokensLeftToday: number;
  /** Newest first. */
  days: LlmUsageDay[];
}

/** The current tenant's LLM usage over the last `days` UTC days. */
export class GetLlmTelemetryQuery extends Query<LlmTelemetryView> {
  constructor(readonly days: number) {
    super();
  }
}
