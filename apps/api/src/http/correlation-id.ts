import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * Fastify asks for the request id before any hook or middleware runs; we take the client's
 * X-Correlation-Id when it is sane, or make one, and write it back into the headers so the
 * logger, the request context and the error filter all read the same id.
 */
export function correlationId(req: IncomingMessage): string {
  const offered = req.headers['x-correlation-id'];
  const id = typeof offered === 'string' && /^[\w.:-]{1,100}$/.test(offered) ? offered : randomUUID();
  req.headers['x-correlation-id'] = id;
  return id;
}
