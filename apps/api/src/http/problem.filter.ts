import { DomainError, ErrorKind, FieldProblem } from '@autonomos/platform';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  bad_gateway: 502,
  unavailable: 503,
  gateway_timeout: 504,
};

// Errors Fastify raises before a route runs, in words a client can act on.
const FASTIFY_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', detail: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', detail: 'The body is empty but Content-Type says JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', detail: 'The body is larger than this endpoint accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', detail: 'Send application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length', detail: 'Content-Length does not match the body' },
};

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: FieldProblem[];
  headers?: Record<string, string>;
  errorId?: string;
}

/** The one place errors become HTTP: RFC 9457 application/problem+json, nothing internal on a 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    if (problem.errorId) this.logger.error({ err: exception, errorId: problem.errorId }, `unhandled error ${problem.errorId}`);
    const body = {
      type: `https://autonomos.dev/problems/${problem.code}`,
      title: STATUS_CODES[problem.status] ?? 'Error',
      status: problem.status,
      detail: problem.detail,
      code: problem.code,
      instance: request.url.split('?')[0],
      correlationId: String(request.id),
      ...(problem.errors?.length ? { errors: problem.errors } : {}),
      ...(problem.errorId ? { errorId: problem.errorId } : {}),
    };
    reply
      .status(problem.status)
      .headers({ ...problem.headers, 'content-type': 'application/problem+json; charset=utf-8', 'x-correlation-id': body.correlationId })
      .send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      return { status: STATUS_BY_KIND[exception.kind], code: exception.code, detail: exception.message, errors: exception.fields, headers: exception.headers };
    }
    const fastifyCode = (exception as { code?: string })?.code;
    if (fastifyCode && FASTIFY_ERRORS[fastifyCode]) return FASTIFY_ERRORS[fastifyCode];
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) return { status, code: 'internal_error', detail: 'Something went wrong on our side', errorId: randomUUID() };
      const code = status === HttpStatus.NOT_FOUND ? 'route_not_found' : (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/\W+/g, '_');
      return { status, code, detail: exception.message };
    }
    const status = (exception as { statusCode?: number })?.statusCode;
    if (status && status >= 400 && status < 500) return { status, code: 'bad_request', detail: (exception as Error).message };
    return { status: 500, code: 'internal_error', detail: 'Something went wrong on our side', errorId: randomUUID() };
  }
}
