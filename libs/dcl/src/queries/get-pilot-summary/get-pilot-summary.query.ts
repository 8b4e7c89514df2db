import { Query } from '@nestjs/cqrs';

export type PilotName = 'finops' | 'revops';

export interface PilotSource {
  connectionId: string;
  name: string;
  kind: string;
  domain: string;
}

export interface PilotSummary {
  pilot: PilotName;
  /** Connections routed to this pilot (their domain, or unknown: those pass through). */
  sources: PilotSource[];
  /** Oldest refresh among the views the summary reads; null when one was never refreshed. */
  refreshedAt: string | null;
  narrative: string;
  narrativeSource: 'llm' | 'template';
  /** The figures, per pilot (see the API schema). */
  figures: Record<string, unknown>;
}

/** What a pilot reads from its domain's views, with a short narrative. */
export class GetPilotSummaryQuery extends Query<PilotSummary> {
  constructor(readonly pilot: PilotName) {
    super();
  }
}
