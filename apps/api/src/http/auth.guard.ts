import { Authenticator } from '@autonomos/auth';
import { DomainError, RequestContext, Role } from '@autonomos/platform';
import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';

const PUBLIC = 'autonomos:public';
const ROLES = 'autonomos:roles';
const QUERY_TOKEN = 'autonomos:query-token';

/** Opts a route out of authentication (sign-in, health, docs). */
export const Public = () => SetMetadata(PUBLIC, true);

/**
 * Also accepts the access token as `?access_token=`, for clients that cannot send headers
 * (EventSource). Only on such routes: URLs end up in histories and proxy logs.
 */
export const AcceptsQueryToken = () => SetMetadata(QUERY_TOKEN, true);

/** Only these roles may call the route; without it, any authenticated role may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/**
 * Authentication is required everywhere unless a route says @Public(). The principal's tenant
 * and actor enter the request context here, and nowhere else.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly context: RequestContext,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const queryToken = this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, targets) ? (request.query as { access_token?: unknown }).access_token : undefined;
    const authorization = request.headers.authorization ?? (typeof queryToken === 'string' ? `Bearer ${queryToken}` : undefined);
    const principal = await this.authenticator.fromHeaders(authorization, request.headers['x-api-key'] as string | undefined);
    this.context.enter(principal.tenantId, principal.actor);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (allowed && !allowed.includes(principal.actor.role)) {
      throw new DomainError('forbidden', 'forbidden', `This needs one of the roles: ${allowed.join(', ')}; you are ${principal.actor.role}`);
    }
    return true;
  }
}
