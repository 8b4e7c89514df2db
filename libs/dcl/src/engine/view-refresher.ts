import { ConnectionView, ListConnectionsQuery } from '@autonomos/aam';
import { AppConfig, publishTenantEvent, REDIS, RequestContext, TenantDb } from '@autonomos/platform';
import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import Redis from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager, In } from 'typeorm';
import { ViewRefreshEntity } from '../entities/view-refresh.entity';
import { DuckDbEngine } from './duckdb.engine';
import { streamThroughPipe } from './named-pipe';
import { copyInFromLines, copyOutToFile } from './pg-copy';
import { describeView, exportView, loadCanonicalTable } from './view-sql';
import { getCanonicalTable, ViewDefinition } from './view-catalog';

export interface RefreshResult {
  view: string;
  /** `unchanged`: the source rows are what the last refresh read, so it kept its rows. */
  status: 'refreshed' | 'unchanged';
  rows: number;
  durationMs: number;
}

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const LOCK_POLL_MS = 200;
const uuidList = (ids: string[]) => ids.map((id) => `'${id}'`).join(', ');

/**
 * Refreshes views of the current tenant, a domain at a time: the entity rows of the connections
 * routed to the domain are copied out of PostgreSQL into DuckDB once per canonical table, each
 * view's SQL runs there, and the rows of every view replace the tenant's previous rows in one
 * transaction. One refresh per tenant and view at a time across all workers (a Redis lock per
 * view); a view whose sources have not changed since its last refresh keeps its rows
 * (incremental), unless `full` asks to recompute.
 */
@Injectable()
export class ViewRefresher {
  constructor(
    private readonly db: TenantDb,
    private readonly context: RequestContext,
    private readonly queries: QueryBus,
    private readonly engine: DuckDbEngine,
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The results in the order the views were asked for. */
  async refresh(views: readonly ViewDefinition[], full: boolean): Promise<RefreshResult[]> {
    const results = new Map<string, RefreshResult>();
    for (const domain of new Set(views.map((view) => view.domain))) {
      for (const result of await this.refreshDomain(views.filter((view) => view.domain === domain), full)) results.set(result.view, result);
    }
    return views.map((view) => results.get(view.name)!);
  }

  private async refreshDomain(views: readonly ViewDefinition[], full: boolean): Promise<RefreshResult[]> {
    const tenantId = this.context.tenantId;
    // Always taken in name order, so two workers refreshing overlapping sets never wait on each other in a circle.
    const locks = [...new Set(views.map((view) => `${this.config.get('REDIS_PREFIX')}:dcl:refresh:${tenantId}:${view.name}`))].sort();
    const held: [string, string][] = [];
    try {
      for (const lock of locks) held.push([lock, await this.acquire(lock)]);
      const results = await this.run(views, full);
      for (const result of results) {
        await publishTenantEvent(this.redis, tenantId, {
          id: randomUUID(),
          type: 'views.refreshed',
          aggregateType: 'dcl_view',
          aggregateId: result.view,
          payload: { ...result },
          correlationId: this.context.correlationId ?? null,
          occurredAt: new Date().toISOString(),
        });
      }
      return results;
    } finally {
      for (const [lock, token] of held) await this.redis.eval(RELEASE, 1, lock, token);
    }
  }

  /** Waits for a refresh running elsewhere: when it ends, ours usually finds nothing changed. */
  private async acquire(lock: string): Promise<string> {
    const token = randomUUID();
    const ttl = this.config.get('DCL_REFRESH_LOCK_MS');
    const deadline = Date.now() + ttl;
    while ((await this.redis.set(lock, token, 'PX', ttl, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error(`lock ${lock} still held after ${ttl} ms`);
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    return token;
  }

  /** Views of one domain: they read the same connections. */
  private async run(views: readonly ViewDefinition[], full: boolean): Promise<RefreshResult[]> {
    const started = Date.now();
    const tenantId = this.context.tenantId;
    const routed = routedTo(views[0], await this.queries.execute(new ListConnectionsQuery()));
    const dir = await mkdtemp(join(tmpdir(), 'dcl-refresh-'));
    try {
      return await this.db.transaction(async (manager) => {
        const previous = new Map((await manager.find(ViewRefreshEntity, { where: { tenantId, view: In(views.map((v) => v.name)) } })).map((r) => [r.view, r]));
        const sources = await sourceStates(manager, views, routed);
        const signatures = new Map(views.map((view) => [view.name, signature(view, sources, routed)]));
        const stale = views.filter((view) => full || previous.get(view.name)?.sourceSignature !== signatures.get(view.name));
        const unchanged = views
          .filter((view) => !stale.includes(view))
          .map((view): RefreshResult => ({ view: view.name, status: 'unchanged', rows: previous.get(view.name)!.rowCount, durationMs: Date.now() - started }));
        if (stale.length === 0) return unchanged;

        // Each canonical table once, however many views read it, streamed from PostgreSQL into
        // DuckDB through a named pipe: DuckDB parses while PostgreSQL still writes.
        const tables = [...new Set(stale.flatMap((view) => view.reads))].map(getCanonicalTable);
        const rowsFile = (view: ViewDefinition) => join(dir, `${view.name}.jsonl`);
        await this.engine.withConnection(async (duck) => {
          for (const table of tables) {
            const fields = table.fields.map((field) => `fields->>'${field}'`).join(', ');
            const where = routed.length ? `entity = '${table.entity}' AND connection_id IN (${uuidList(routed)})` : 'false';
            const copy = `COPY (SELECT connection_id, record_key, ${fields} FROM dcl_entity_rows WHERE ${where}) TO STDOUT WITH (FORMAT csv)`;
            await streamThroughPipe(join(dir, `${table.name}.csv`), (pipe) => copyOutToFile(manager, copy, pipe), (pipe) => loadCanonicalTable(duck, table, pipe));
          }
          for (const view of stale) await exportView(duck, view, await describeView(duck, view), rowsFile(view));
        });
        // COPY cannot write to a table under row-level security: it fills a staging table, and
        // INSERT … SELECT moves the rows, each checked by the policy.
        await manager.query('CREATE TEMP TABLE dcl_view_rows_staging (LIKE dcl_view_rows) ON COMMIT DROP');
        const counts = new Map<string, number>();
        for (const view of stale) {
          const prefix = `${tenantId}\t${view.name}\t`;
          counts.set(view.name, await copyInFromLines(manager, 'COPY dcl_view_rows_staging (tenant_id, view, row_no, row) FROM STDIN', rowsFile(view), (line, n) => `${prefix}${n}\t${line.replace(/\\/g, '\\\\')}\n`));
        }
        await manager.query('DELETE FROM dcl_view_rows WHERE view = ANY($1)', [stale.map((view) => view.name)]);
        await manager.query('INSERT INTO dcl_view_rows SELECT * FROM dcl_view_rows_staging');
        // The views were computed together: each reports the whole domain refresh's time.
        const durationMs = Date.now() - started;
        const refreshed = stale.map((view): RefreshResult => ({ view: view.name, status: 'refreshed', rows: counts.get(view.name)!, durationMs }));
        await manager.upsert(
          ViewRefreshEntity,
          refreshed.map(({ view, rows }) => ({ tenantId, view, refreshedAt: new Date(), sourceSignature: signatures.get(view)!, rowCount: rows, durationMs })),
          ['tenantId', 'view'],
        );
        return [...unchanged, ...refreshed];
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

interface SourceState {
  count: number;
  latest: string;
}

/** Count and latest change of the routed entity rows, per entity the views read. */
async function sourceStates(manager: EntityManager, views: readonly ViewDefinition[], routed: string[]): Promise<Map<string, SourceState>> {
  const entities = [...new Set(views.flatMap((view) => view.reads.map((name) => getCanonicalTable(name).entity)))];
  const rows: { entity: string; count: number; latest: string }[] = await manager.query(
    // Fixed-width UTC text: compares as text in time order.
    `SELECT entity, count(*)::int AS count, to_char(max(changed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS latest
       FROM dcl_entity_rows WHERE entity = ANY($1) AND connection_id = ANY($2::uuid[]) GROUP BY entity`,
    [entities, routed],
  );
  return new Map(rows.map((row) => [row.entity, { count: row.count, latest: row.latest }]));
}

/** What a view's last refresh read: equal signatures ⇒ nothing to recompute. */
function signature(view: ViewDefinition, sources: Map<string, SourceState>, routed: string[]): string {
  const read = [...new Set(view.reads.map((name) => getCanonicalTable(name).entity))].map((entity) => sources.get(entity) ?? { count: 0, latest: '' });
  const count = read.reduce((sum, state) => sum + state.count, 0);
  const latest = read.reduce((max, state) => (state.latest > max ? state.latest : max), '');
  return createHash('sha256').update(JSON.stringify([count, latest, routed, view.sql])).digest('hex');
}

/** A view reads the connections of its domain, and those of unknown domain (they pass through). */
export function routedTo(view: ViewDefinition, connections: ConnectionView[]): string[] {
  return connections.filter((c) => c.domain === view.domain || c.domain === 'unknown').map((c) => c.id).sort();
}
