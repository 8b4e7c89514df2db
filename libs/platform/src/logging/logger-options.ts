import { ClsServiceManager } from 'nestjs-cls';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';
import type { ContextStore } from '../context/request-context';

/** Paths pino blanks out wherever they appear: credentials never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.secret',
  '*.credentials',
  '*.webhookUrl',
  'req.query.access_token',
];

/** EventSource clients send their token as `?access_token=`: the logged URL must not carry it. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]access_token=)[^&#]*/gi, '$1[redacted]');
}

/** Every line written inside a request, job or CLI command names its correlation id, tenant and actor. */
function contextFields(): Record<string, string | undefined> {
  const cls = ClsServiceManager.getClsService<ContextStore>();
  if (!cls.isActive()) return {};
  return { correlationId: cls.get('correlationId'), tenantId: cls.get('tenantId'), actorId: cls.get('actor')?.id };
}

/**
 * One pino logger for the process, with no per-request middleware: pino-http's child logger and
 * request/response serialisation on every request cost more CPU than the request itself. The
 * api writes one line per request when it completes (apps/api/src/http/request-log.ts).
 */
export function loggerOptions(config: AppConfig): Params {
  const logger = pino({ level: config.get('LOG_LEVEL'), redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, mixin: contextFields });
  return { pinoHttp: { logger }, forRoutes: [] };
}
