import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ClsServiceManager } from 'nestjs-cls';
import type { Params } from 'nestjs-pino';
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

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.get('LOG_LEVEL'),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { req: (req: { url?: string }) => (req.url ? Object.assign(req, { url: redactUrl(req.url) }) : req) },
      genReqId: (req: IncomingMessage) => (req.headers['x-correlation-id'] as string | undefined) ?? randomUUID(),
      // Tenant and actor are known only after the guard ran, so read them when the line is written.
      customProps: () => {
        const cls = ClsServiceManager.getClsService<ContextStore>();
        if (!cls.isActive()) return {};
        return { tenantId: cls.get('tenantId'), actorId: cls.get('actor')?.id, correlationId: cls.get('correlationId') };
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health/live' || req.url === '/metrics' },
      quietReqLogger: true,
    },
  };
}
