import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * Fastify's request id: the client's X-Correlation-Id when it is sane, or a new one. The request
 * context, the request log and the error filter all read it as `request.id`.
 */
export function correlationId(req: IncomingMessage): string {
  const offered = req.headers['x-correlation-id'];
  return typeof offered === 'string' && /^[\w.:-]{1,100}$/.test(offered) ? offered : randomUUID();
}
