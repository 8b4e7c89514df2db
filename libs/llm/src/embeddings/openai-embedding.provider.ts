import { OpenAIEmbeddings } from '@langchain/openai';
import { EmbeddingProvider } from './embedding-provider';

/** Any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, Azure-compatible gateways, vLLM, Ollama). */
export class OpenAiEmbeddingProvider implements EmbeddingProvider {
  readonly model: string;
  private readonly client: OpenAIEmbeddings;

  constructor(options: { baseUrl: string; apiKey: string; model: string; timeoutMs: number; maxRetries: number }) {
    this.model = `openai:${options.model}`;
    this.client = new OpenAIEmbeddings({
      model: options.model,
      apiKey: options.apiKey || 'unused',
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      configuration: { baseURL: options.baseUrl },
    });
  }

  embed(texts: readonly string[]): Promise<number[][]> {
    return this.client.embedDocuments([...texts]);
  }
}
