import { ConnectionView, ListConnectionsQuery } from '@autonomos/aam';
import { AppConfig, publishTenantEvent, REDIS, RequestContext, TenantDb } from '@autonomos/platform';
import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import Redis from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ViewRefreshEntity } from '../entities/view-refresh.entity';
import { DuckDbEngine } from './duckdb.engine';
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
 * Refreshes one view of the current tenant: entity rows (of the connections routed to the
 * view's domain) are copied out of PostgreSQL into DuckDB, the view's SQL runs there, and its
 * rows replace the tenant's previous rows in one transaction. One refresh per tenant and view
 * at a time across all workers (a Redis lock); a refresh whose sources have not changed since
 * the last one keeps its rows (incremental), unless `full` asks to recompute.
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

  async refresh(view: ViewDefinition, full: boolean): Promise<RefreshResult> {
    const tenantId = this.context.tenantId;
    const lock = `${this.config.get('REDIS_PREFIX')}:dcl:refresh:${tenantId}:${view.name}`;
    const token = await this.acquire(lock);
    try {
      const result = await this.run(view, full);
      await publishTenantEvent(this.redis, tenantId, {
        id: randomUUID(),
        type: 'views.refreshed',
        aggregateType: 'dcl_view',
        aggregateId: view.name,
        payload: { ...result },
        correlationId: this.context.correlationId ?? null,
        occurredAt: new Date().toISOString(),
      });
      return result;
    } finally {
      await this.redis.eval(RELEASE, 1, lock, token);
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

  private async run(view: ViewDefinition, full: boolean): Promise<RefreshResult> {
    const started = Date.now();
    const tenantId = this.context.tenantId;
    const connections = await this.queries.execute(new ListConnectionsQuery());
    const routed = routedTo(view, connections);
    const tables = view.reads.map(getCanonicalTable);
    const entities = [...new Set(tables.map((t) => t.entity))];
    const dir = await mkdtemp(join(tmpdir(), 'dcl-refresh-'));
    try {
      return await this.db.transaction(async (manager) => {
        const previous = await manager.findOne(ViewRefreshEntity, { where: { tenantId, view: view.name } });
        const [source] = await manager.query(
          `SELECT count(*)::text AS count, coalesce(max(changed_at)::text, '') AS latest FROM dcl_entity_rows WHERE entity = ANY($1) AND connection_id = ANY($2::uuid[])`,
          [entities, routed],
        );
        const signature = createHash('sha256').update(JSON.stringify([source.count, source.latest, routed, view.sql])).digest('hex');
        if (!full && previous?.sourceSignature === signature) {
          return { view: view.name, status: 'unchanged', rows: previous.rowCount, durationMs: Date.now() - started };
        }
        for (const table of tables) {
          const fields = table.fields.map((field) => `fields->>'${field}'`).join(', ');
          const where = routed.length ? `entity = '${table.entity}' AND connection_id IN (${uuidList(routed)})` : 'false';
          await copyOutToFile(manager, `COPY (SELECT connection_id, record_key, ${fields} FROM dcl_entity_rows WHERE ${where}) TO STDOUT WITH (FORMAT csv)`, join(dir, `${table.name}.csv`));
        }
        const rowsFile = join(dir, 'rows.jsonl');
        await this.engine.withConnection(async (duck) => {
          for (const table of tables) await loadCanonicalTable(duck, table, join(dir, `${table.name}.csv`));
          await exportView(duck, view, await describeView(duck, view), rowsFile);
        });
        // COPY cannot write to a table under row-level security: it fills a staging table, and
        // INSERT … SELECT moves the rows, each checked by the policy.
        await manager.query('CREATE TEMP TABLE dcl_view_rows_staging (LIKE dcl_view_rows) ON COMMIT DROP');
        const prefix = `${tenantId}\t${view.name}\t`;
        const rows = await copyInFromLines(manager, 'COPY dcl_view_rows_staging (tenant_id, view, row_no, row) FROM STDIN', rowsFile, (line, n) => `${prefix}${n}\t${line.replace(/\\/g, '\\\\')}\n`);
        await manager.query('DELETE FROM dcl_view_rows WHERE view = $1', [view.name]);
        await manager.query('INSERT INTO dcl_view_rows SELECT * FROM dcl_view_rows_staging');
        const durationMs = Date.now() - started;
        await manager.upsert(ViewRefreshEntity, { tenantId, view: view.name, refreshedAt: new Date(), sourceSignature: signature, rowCount: rows, durationMs }, ['tenantId', 'view']);
        return { view: view.name, status: 'refreshed', rows, durationMs };
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** A view reads the connections of its domain, and those of unknown domain (they pass through). */
export function routedTo(view: ViewDefinition, connections: ConnectionView[]): string[] {
  return connections.filter((c) => c.domain === view.domain || c.domain === 'unknown').map((c) => c.id).sort();
}
