import { AppConfig } from '@autonomos/platform';
import { Module } from '@nestjs/common';
import { EMBEDDINGS, EmbeddingProvider } from './embeddings/embedding-provider';
import { LocalEmbeddingProvider } from './embeddings/local-embedding.provider';
import { OpenAiEmbeddingProvider } from './embeddings/openai-embedding.provider';
import { LlmGateway } from './llm-gateway';
import { LlmTelemetry } from './llm-telemetry';
import { GetLlmTelemetryHandler } from './queries/get-llm-telemetry/get-llm-telemetry.handler';

function embeddingProvider(config: AppConfig): EmbeddingProvider {
  const baseUrl = config.get('EMBEDDINGS_BASE_URL');
  if (!baseUrl) return new LocalEmbeddingProvider();
  return new OpenAiEmbeddingProvider({
    baseUrl,
    apiKey: config.get('EMBEDDINGS_API_KEY'),
    model: config.get('EMBEDDINGS_MODEL'),
    timeoutMs: config.get('LLM_TIMEOUT_MS'),
    maxRetries: config.get('LLM_MAX_RETRIES'),
  });
}

@Module({
  providers: [LlmTelemetry, LlmGateway, GetLlmTelemetryHandler, { provide: EMBEDDINGS, inject: [AppConfig], useFactory: embeddingProvider }],
  exports: [LlmGateway, EMBEDDINGS],
})
export class LlmModule {}
