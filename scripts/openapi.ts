// Writes the OpenAPI document without a database or Redis (Nest's preview mode builds the
// module graph but instantiates nothing). `--check` fails when openapi.json is stale.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

process.env.JWT_SECRET ??= 'openapi-generation-needs-no-real-secret!!';
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32).toString('base64');

async function main(): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const { AppModule } = await import('../apps/api/src/app.module');
  const { openApiDocument } = await import('../apps/api/src/bootstrap');
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false });
  const document = `${JSON.stringify(openApiDocument(app as never), null, 2)}\n`;
  const target = join(__dirname, '..', 'openapi.json');
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== document) {
      console.error('openapi.json is stale: run `make openapi` and commit the result (and the regenerated libs/sdk).');
      process.exit(1);
    }
    console.log('openapi.json is up to date');
  } else {
    writeFileSync(target, document);
    console.log(`wrote ${target}`);
  }
}

main().catch((error: Error) => {
  console.error(`openapi generation failed: ${error.message}`);
  process.exit(1);
});
