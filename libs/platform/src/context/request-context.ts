import { Injectable } from '@nestjs/common';
import { ClsService, ClsStore } from 'nestjs-cls';
import { DomainError } from '../errors/domain-error';

export type Role = 'admin' | 'operator' | 'reviewer' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'operator', 'reviewer', 'viewer'];

/** Who is acting: a user, an API key (service account) or the system itself (jobs, sagas). */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string;
  role: Role;
}

export interface ContextStore extends ClsStore {
  tenantId?: string;
  actor?: Actor;
  correlationId?: string;
}

/**
 * The tenant and actor of the current request, job or CLI command, kept in AsyncLocalStorage.
 * Entered explicitly (HTTP guard, job processor, CLI); reading the tenant where it was never
 * set throws, so a query can never run "for no tenant" by accident.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<ContextStore>) {}

  get tenantId(): string {
    const tenantId = this.cls.isActive() ? this.cls.get('tenantId') : undefined;
    if (!tenantId) throw new Error('No tenant in context: enter one (request, job or CLI) before touching tenant data');
    return tenantId;
  }

  get actor(): Actor {
    const actor = this.cls.isActive() ? this.cls.get('actor') : undefined;
    if (!actor) throw new DomainError('unauthenticated', 'unauthenticated', 'Authentication required');
    return actor;
  }

  get correlationId(): string | undefined {
    return this.cls.isActive() ? this.cls.get('correlationId') : undefined;
  }

  hasTenant(): boolean {
    return this.cls.isActive() && !!this.cls.get('tenantId');
  }

  /** Sets the principal for the rest of the current context (used by the auth guard). */
  enter(tenantId: string, actor: Actor): void {
    this.cls.set('tenantId', tenantId);
    this.cls.set('actor', actor);
  }

  /**
   * Runs `next` in a fresh context that knows only the request's correlation id; the auth guard
   * adds the principal. The api calls it from a Fastify onRequest hook, so everything after it
   * (hooks, guard, handler, the request's log line) runs inside.
   */
  runRequest(correlationId: string, next: () => void): void {
    this.cls.run(() => {
      this.cls.set('correlationId', correlationId);
      next();
    });
  }

  /** Runs `fn` in a fresh context for a tenant: jobs, sagas, CLI commands. */
  run<T>(tenantId: string, actor: Actor, fn: () => Promise<T>, correlationId?: string): Promise<T> {
    return this.cls.run(async () => {
      this.cls.set('tenantId', tenantId);
      this.cls.set('actor', actor);
      if (correlationId) this.cls.set('correlationId', correlationId);
      return fn();
    });
  }
}

export const systemActor = (process: string): Actor => ({ type: 'system', id: process, role: 'admin' });
