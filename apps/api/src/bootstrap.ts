import { AppConfig, loadConfig, OWNER_DATA_SOURCE, RequestContext, runMigrationsLocked } from '@autonomos/platform';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { correlationId } from './http/correlation-id';
import { ProblemDto } from './http/problem';
import { logRequests } from './http/request-log';
import { addSecurityHeaders } from './http/security-headers';
import { validationPipe } from './http/validation';
import { Metrics } from './metrics/metrics';

export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('AutonomOS API')
    .setDescription('Multi-tenant data orchestration: auth, tasks, connectors, drift, repair, review, unified views. Errors are RFC 9457 problem+json.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'apiKey')
    .addSecurityRequirements('apiKey')
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
}

/** Refuses to serve when row-level security could not hold: the app role must not bypass it. */
async function assertApplicationRoleIsolated(dataSource: DataSource): Promise<void> {
  const [role] = await dataSource.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
  if (role?.rolsuper || role?.rolbypassrls) {
    throw new Error('DATABASE_URL connects as a superuser or BYPASSRLS role: row-level security would not apply. Use the autonomos_app role.');
  }
}

/** The admin console's static build (`make console-build`), from the sources or from dist/. */
function consoleBuildDir(): string | undefined {
  return [join(__dirname, '../../../apps/console/dist'), join(__dirname, '../../../../apps/console/dist')].find((dir) => existsSync(join(dir, 'index.html')));
}

/** Builds the api, migrated and configured, without listening: main.ts and the e2e tests share it. */
export async function createApi(): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: loadConfig().BODY_LIMIT_BYTES, trustProxy: true, genReqId: correlationId });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);

  if (!config.get('DISABLE_AUTO_MIGRATIONS')) await runMigrationsLocked(app.get<DataSource>(getDataSourceToken(OWNER_DATA_SOURCE)));
  await assertApplicationRoleIsolated(app.get(DataSource));

  const fastify = app.getHttpAdapter().getInstance();
  // First hook: everything after it, up to the request's log line, runs in the request context.
  const context = app.get(RequestContext);
  fastify.addHook('onRequest', (request, _reply, done) => context.runRequest(request.id, done));
  // The process's pino logger (no request is in flight, so not a request-bound child).
  logRequests(fastify, (await app.resolve(PinoLogger)).logger);
  await addSecurityHeaders(fastify, {
    // The Swagger UI at /docs needs inline scripts and styles.
    contentSecurityPolicy: { directives: { defaultSrc: [`'self'`], scriptSrc: [`'self'`, `'unsafe-inline'`], styleSrc: [`'self'`, `'unsafe-inline'`], imgSrc: [`'self'`, 'data:'] } },
  });
  // CSV uploads stream to disk; one byte over the limit lets the domain's own check name it.
  await app.register(fastifyMultipart, { limits: { fileSize: config.get('UPLOAD_MAX_BYTES') + 1, files: 1, fields: 5 } });
  app.enableCors({ origin: config.get('CORS_ORIGINS'), credentials: true, exposedHeaders: ['x-correlation-id', 'retry-after'] });
  app.useGlobalPipes(validationPipe);
  // The events gateway shares the HTTP server (upgrade on /events/ws).
  app.useWebSocketAdapter(new WsAdapter(app));
  app.enableShutdownHooks();

  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  // The admin console under /console/ (hash routes, so no fallback that could shadow API routes).
  const consoleDir = consoleBuildDir();
  if (consoleDir) {
    await app.register(fastifyStatic, { root: consoleDir, prefix: '/console/', redirect: true, decorateReply: false });
    // Notification links have a path form (<CONSOLE_URL>/hitl/items/<id>): the console's index rewrites it to its hash route.
    const index = readFileSync(join(consoleDir, 'index.html'));
    fastify.get('/console/hitl/items/:id', (_request, reply) => reply.type('text/html; charset=utf-8').send(index));
  }

  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  return app;
}
