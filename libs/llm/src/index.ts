export * from './llm.module';
export * from './llm-gateway';
export type { LlmUsageDay } from './llm-telemetry';
export * from './embeddings/embedding-provider';
export { LocalEmbeddingProvider } from './embeddings/local-embedding.provider';
export * from './queries/get-llm-telemetry/get-llm-telemetry.query';
