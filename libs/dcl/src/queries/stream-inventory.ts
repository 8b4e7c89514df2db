import { ConnectionView, ListConnectionsQuery } from '@autonomos/aam';
import { TenantDb } from '@autonomos/platform';
import type { ActiveMapping } from '@autonomos/repair';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { MappingLookup } from '../mapping/mapping.lookup';

export interface MappingVersionUse {
  mappingId: string;
  version: number;
  rows: number;
}

/** A connection's stream as the DCL knows it: what it holds, what waits, what maps it now. */
export interface StreamInventory {
  connectionId: string;
  stream: string;
  entity: string | null;
  rows: number;
  pending: number;
  /** Mapping versions the stored rows were produced by. */
  versions: MappingVersionUse[];
  mapping: ActiveMapping | null;
}

/** What the graph and the lineage are drawn from: the tenant's connections and the DCL's streams. */
@Injectable()
export class StreamInventoryReader {
  constructor(
    private readonly db: TenantDb,
    private readonly queries: QueryBus,
    private readonly mappings: MappingLookup,
  ) {}

  async read(): Promise<{ connections: ConnectionView[]; streams: StreamInventory[] }> {
    const connections = await this.queries.execute(new ListConnectionsQuery());
    const [rows, pending] = await this.db.transaction((manager) =>
      Promise.all([
        manager.query(
          `SELECT connection_id, stream, entity, mapping_id, mapping_version, count(*)::int AS rows
             FROM dcl_entity_rows GROUP BY connection_id, stream, entity, mapping_id, mapping_version`,
        ) as Promise<{ connection_id: string; stream: string; entity: string; mapping_id: string; mapping_version: number; rows: number }[]>,
        manager.query(`SELECT connection_id, stream, count(*)::int AS pending FROM dcl_pending_records GROUP BY connection_id, stream`) as Promise<
          { connection_id: string; stream: string; pending: number }[]
        >,
      ]),
    );
    const streams = new Map<string, StreamInventory>();
    const entry = (connectionId: string, stream: string) => {
      const key = `${connectionId}\u0000${stream}`;
      if (!streams.has(key)) streams.set(key, { connectionId, stream, entity: null, rows: 0, pending: 0, versions: [], mapping: null });
      return streams.get(key)!;
    };
    for (const r of rows) {
      const s = entry(r.connection_id, r.stream);
      s.entity = r.entity;
      s.rows += r.rows;
      s.versions.push({ mappingId: r.mapping_id, version: r.mapping_version, rows: r.rows });
    }
    for (const p of pending) entry(p.connection_id, p.stream).pending = p.pending;
    for (const s of streams.values()) {
      s.mapping = await this.mappings.active(s.connectionId, s.stream);
      s.entity = s.mapping?.entity ?? s.entity;
      s.versions.sort((a, b) => a.version - b.version);
    }
    return { connections, streams: [...streams.values()].sort((a, b) => `${a.connectionId}${a.stream}`.localeCompare(`${b.connectionId}${b.stream}`)) };
  }
}
