import type { AuditEntryEntity } from './entities/audit-entry.entity';
import type { ReviewDecision, ReviewItemEntity, ReviewKind, ReviewRisk, ReviewStatus } from './entities/review-item.entity';

export interface ReviewItemView {
  id: string;
  kind: ReviewKind;
  status: ReviewStatus;
  risk: ReviewRisk;
  title: string;
  connectionId: string | null;
  stream: string | null;
  payload: Record<string, unknown>;
  requestedBy: { type: string; id: string };
  decision: ReviewDecision | null;
  decidedBy: string | null;
  reason: string | null;
  edited: Record<string, unknown> | null;
  decidedAt: string | null;
  createdAt: string;
}

export const toReviewItemView = (item: ReviewItemEntity): ReviewItemView => ({
  id: item.id,
  kind: item.kind,
  status: item.status,
  risk: item.risk,
  title: item.title,
  connectionId: item.connectionId,
  stream: item.stream,
  payload: item.payload,
  requestedBy: { type: item.requestedByType, id: item.requestedById },
  decision: item.decision,
  decidedBy: item.decidedById,
  reason: item.reason,
  edited: item.edited,
  decidedAt: item.decidedAt?.toISOString() ?? null,
  createdAt: item.createdAt.toISOString(),
});

export interface AuditEntryView {
  id: string;
  actor: { type: string; id: string };
  action: string;
  subjectType: string;
  subjectId: string;
  before: object | null;
  after: object | null;
  correlationId: string | null;
  createdAt: string;
}

export const toAuditEntryView = (entry: AuditEntryEntity): AuditEntryView => ({
  id: entry.id,
  actor: { type: entry.actorType, id: entry.actorId },
  action: entry.action,
  subjectType: entry.subjectType,
  subjectId: entry.subjectId,
  before: entry.before,
  after: entry.after,
  correlationId: entry.correlationId,
  createdAt: entry.createdAt.toISOString(),
});
