import { ListConnectionsQuery } from '@autonomos/aam';
import { CreateTaskCommand, GetTaskQuery, type TaskRunContext, type TaskType, type TaskView } from '@autonomos/tasks';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { IsIn, IsOptional } from 'class-validator';

export const PIPELINE_RUN = 'aoa.run';

/** The run is always "everything of this tenant"; only how the sources are read can change. */
export class PipelineRunPayload {
  /** incremental (default): only what changed since the last sync; full: every record again. */
  @IsOptional()
  @IsIn(['incremental', 'full'])
  mode?: 'incremental' | 'full';
}

const POLL_MS = 500;
// A step (every sync, or the refresh) that is not done by then has hung: the run fails and is retried.
const STEP_TIMEOUT_MS = 30 * 60_000;
const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

// Progress bands of the run: syncs, then the drift/repair hand-over, then the view refresh.
const SYNC_END = 70;
const REFRESH_START = 75;

interface SyncResult {
  read?: number;
  written?: number;
  quarantined?: number;
  streams?: { driftIds?: string[] }[];
}

/**
 * The `aoa.run` task, the tenant's whole flow as one saga with progress:
 *  1. sync every connection: an `aam.sync` task each (what StartSyncCommand queues), run by the
 *     workers side by side, waited for;
 *  2. drift → repair: each sync records drift in its own transaction and raises
 *     SchemaDriftDetected through the outbox; the mapping saga (repair) proposes, auto-applies or
 *     queues each repair for review from there. The run reports the drifts it caused.
 *  3. refresh views: a `dcl.refresh` task of every view (what StartRefreshCommand queues), waited for.
 * Child tasks are created with idempotency keys derived from this task's id, so a re-delivered
 * run (BullMQ is at-least-once) waits on the same children instead of starting new ones.
 * Needs WORKER_CONCURRENCY ≥ 2: the run holds one slot while its children take others.
 */
export function pipelineRunTask(commands: CommandBus, queries: QueryBus): TaskType<PipelineRunPayload> {
  const child = async (task: TaskRunContext, key: string, type: string, payload: object): Promise<TaskView> =>
    (await commands.execute(new CreateTaskCommand(type, payload, `${PIPELINE_RUN}:${task.taskId}:${key}`))).task;

  /** Waits for the tasks to finish, reporting their average progress inside [from, to]. */
  const waitFor = async (task: TaskRunContext, ids: string[], from: number, to: number, label: string): Promise<TaskView[]> => {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      const views = await Promise.all(ids.map((id) => queries.execute(new GetTaskQuery(id))));
      const done = views.filter((v) => FINISHED.has(v.status)).length;
      const average = views.reduce((sum, v) => sum + (FINISHED.has(v.status) ? 100 : v.progress), 0) / Math.max(1, views.length);
      await task.progress(from + ((to - from) * average) / 100, `${label}: ${done} of ${views.length} done`);
      if (done === views.length) return views;
      if (Date.now() > deadline) throw new Error(`${label}: ${views.length - done} task(s) not finished after ${STEP_TIMEOUT_MS / 60_000} minutes`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  return {
    type: PIPELINE_RUN,
    payload: PipelineRunPayload,
    async run({ mode = 'incremental' }, task) {
      const connections = await queries.execute(new ListConnectionsQuery());
      await task.progress(1, `syncing ${connections.length} connection(s)`);
      const syncs = await Promise.all(connections.map((c) => child(task, `sync:${c.id}`, 'aam.sync', { connectionId: c.id, mode })));
      const synced = await waitFor(task, syncs.map((s) => s.id), 1, SYNC_END, 'sync');

      const perConnection = connections.map((c, i) => {
        const result = (synced[i].result ?? {}) as SyncResult;
        const driftIds = (result.streams ?? []).flatMap((s) => s.driftIds ?? []);
        return { connectionId: c.id, name: c.name, taskId: synced[i].id, status: synced[i].status, error: synced[i].error, read: result.read ?? 0, written: result.written ?? 0, quarantined: result.quarantined ?? 0, driftIds };
      });
      const drifts = perConnection.reduce((sum, c) => sum + c.driftIds.length, 0);
      await task.progress(SYNC_END, `${drifts} drift(s) detected: repairs follow through the mapping saga`);

      const refresh = await child(task, 'refresh', 'dcl.refresh', { full: false });
      const [refreshed] = await waitFor(task, [refresh.id], REFRESH_START, 100, 'refresh views');
      return {
        connections: perConnection,
        failedSyncs: perConnection.filter((c) => c.status !== 'succeeded').length,
        drifts,
        refresh: { taskId: refreshed.id, status: refreshed.status, error: refreshed.error },
      };
    },
  };
}
