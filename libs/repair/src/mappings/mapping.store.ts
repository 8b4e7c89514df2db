import { AuditLog } from '@autonomos/hitl';
import { Outbox, RequestContext } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { MappingEntity } from './entities/mapping.entity';
import { MappingChangeKind, MappingVersionEntity } from './entities/mapping-version.entity';
import { MappingApplied } from './events/mapping-applied.event';
import type { FieldMapping } from './mapping.types';

export interface NewVersion {
  connectionId: string;
  stream: string;
  entity: string;
  /** The whole mapping after the change, or a function of the active fields (read under the lock). */
  fields: FieldMapping[] | ((active: FieldMapping[]) => FieldMapping[]);
  change: MappingChangeKind;
  /** The cause; a second version with the same key is never made. */
  changeKey?: string;
  evidence: Record<string, unknown>;
}

const AUDIT_ACTION: Record<MappingChangeKind, string> = { set: 'mapping.set', auto_apply: 'mapping.auto_applied', review: 'mapping.approved', rollback: 'mapping.rolled_back' };

/**
 * The one writer of mapping versions: under a per-stream lock it makes the next version,
 * points the mapping at it, audits it and raises MappingApplied, all in the caller's
 * transaction. Returns `created: false` when the change key was applied already.
 */
@Injectable()
export class MappingStore {
  constructor(
    private readonly context: RequestContext,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async apply(manager: EntityManager, next: NewVersion): Promise<{ mapping: MappingEntity; version: MappingVersionEntity; created: boolean }> {
    const tenantId = this.context.tenantId;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`mapping:${next.connectionId}:${next.stream}`]);
    let mapping = await manager.findOne(MappingEntity, { where: { connectionId: next.connectionId, stream: next.stream } });
    const active = mapping ? await manager.findOneOrFail(MappingVersionEntity, { where: { mappingId: mapping.id, version: mapping.version } }) : undefined;
    if (mapping && next.changeKey) {
      const done = await manager.findOne(MappingVersionEntity, { where: { mappingId: mapping.id, changeKey: next.changeKey } });
      if (done) return { mapping, version: done, created: false };
    }
    if (!mapping) {
      mapping = manager.create(MappingEntity, { id: randomUUID(), tenantId, connectionId: next.connectionId, stream: next.stream, entity: next.entity, version: 0 });
      await manager.insert(MappingEntity, mapping);
    }
    const [{ max }] = await manager.query('SELECT coalesce(max(version), 0)::int AS max FROM mapping_versions WHERE mapping_id = $1', [mapping.id]);
    const actor = this.context.actor;
    const fields = typeof next.fields === 'function' ? next.fields(active?.fields ?? []) : next.fields;
    const version = manager.create(MappingVersionEntity, {
      id: randomUUID(),
      tenantId,
      mappingId: mapping.id,
      version: max + 1,
      entity: next.entity,
      fields,
      change: next.change,
      changeKey: next.changeKey ?? null,
      actorType: actor.type,
      actorId: actor.id,
      evidence: next.evidence,
    });
    await manager.insert(MappingVersionEntity, version as object);
    await manager.update(MappingEntity, { id: mapping.id }, { version: version.version, entity: next.entity });
    Object.assign(mapping, { version: version.version, entity: next.entity, updatedAt: new Date() });
    await this.audit.record(manager, {
      action: AUDIT_ACTION[next.change],
      subjectType: 'mapping',
      subjectId: mapping.id,
      before: active ? { version: active.version, entity: active.entity, fields: active.fields } : null,
      after: { version: version.version, entity: version.entity, fields: version.fields, evidence: next.evidence },
    });
    await this.outbox.add(manager, 'mapping', new MappingApplied(tenantId, mapping.id, mapping.connectionId, mapping.stream, version.entity, version.version, next.change));
    return { mapping, version, created: true };
  }

  /** The stream's mapping and its active version, if it has one. */
  async active(manager: EntityManager, where: { id: string } | { connectionId: string; stream: string }) {
    const mapping = await manager.findOne(MappingEntity, { where });
    if (!mapping) return undefined;
    const version = await manager.findOneOrFail(MappingVersionEntity, { where: { mappingId: mapping.id, version: mapping.version } });
    return { mapping, version };
  }
}
