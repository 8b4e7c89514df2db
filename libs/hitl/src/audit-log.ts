import { RequestContext } from '@autonomos/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: object | null;
  after?: object | null;
}

/**
 * Appends to the audit log inside the caller's transaction, so a change and its audit entry
 * commit together. The actor and correlation id come from the request, job or saga context.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly context: RequestContext) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const actor = this.context.actor;
    await manager.insert(AuditEntryEntity, {
      tenantId: this.context.tenantId,
      actorType: actor.type,
      actorId: actor.id,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      correlationId: this.context.correlationId ?? null,
    });
  }
}
