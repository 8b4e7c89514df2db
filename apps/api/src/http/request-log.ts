import { redactUrl } from '@autonomos/platform';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Liveness probes and metric scrapes would drown the log. */
const UNLOGGED_URLS = new Set(['/health/live', '/metrics']);

/**
 * One JSON line per request, written once the response is sent: request id, method, redacted
 * URL, status and time (5xx at error level). The correlation id, tenant and actor come from the
 * request context through the logger's mixin (libs/platform/src/logging).
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (logger.isLevelEnabled(level) && !UNLOGGED_URLS.has(request.url)) {
      logger[level](
        {
          reqId: request.id,
          req: { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}
