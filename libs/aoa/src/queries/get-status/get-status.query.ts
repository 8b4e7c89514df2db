import { Query } from '@nestjs/cqrs';
import type { RiskLevel } from '../../risk/risk-scoring';

export interface LastSync {
  taskId: string;
  status: string;
  finishedAt: string | null;
  read: number;
  written: number;
  drifts: number;
}

export interface AoaStatus {
  connections: { id: string; name: string; kind: string; lastSync: LastSync | null }[];
  /** Drifts whose repair waits for a reviewer (pending or escalated mapping items). */
  drift: { open: number };
  reviews: { pending: number; byKind: Record<string, number> };
  /** Each view's last refresh; stale when a connection synced after it. */
  views: { name: string; refreshedAt: string | null; rowCount: number | null; stale: boolean }[];
  llm: { enabled: boolean; detail: string; callsToday: number; tokensToday: number; tokensLeftToday: number };
  assets: { total: number } & Record<RiskLevel, number>;
  lastRun: { taskId: string; status: string; progress: number; progressMessage: string | null; createdAt: string; finishedAt: string | null } | null;
}

/** Where the caller's tenant stands, gathered from each domain's own queries. */
export class GetStatusQuery extends Query<AoaStatus> {}
