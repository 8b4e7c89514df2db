import { AppConfig, ConfigError } from '@autonomos/platform';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { ChatOpenAI } from '@langchain/openai';

const DEFAULT_MODELS = { openai: 'gpt-4o-mini', gemini: 'gemini-2.0-flash' } as const;

export interface ChatModel {
  /** The model's name at the provider. */
  name: string;
  chat: BaseChatModel;
}

/** The configured chat model, or undefined when LLM_PROVIDER is none. */
export function createChatModel(config: AppConfig): ChatModel | undefined {
  const provider = config.get('LLM_PROVIDER');
  if (provider === 'none') return undefined;
  const baseUrl = config.get('LLM_BASE_URL') || undefined;
  if (baseUrl && !/^https?:\/\//.test(baseUrl)) throw new ConfigError(`LLM_BASE_URL must be an http(s) URL, got "${baseUrl}"`);
  const model = config.get('LLM_MODEL') || DEFAULT_MODELS[provider];
  const common = { model, temperature: 0, maxRetries: config.get('LLM_MAX_RETRIES') };
  if (provider === 'gemini') {
    return { name: model, chat: new ChatGoogleGenerativeAI({ ...common, apiKey: config.get('LLM_API_KEY') || undefined, baseUrl }) };
  }
  const chat = new ChatOpenAI({
    ...common,
    // Local OpenAI-compatible servers (vLLM, Ollama) take any key, but the client insists on one.
    apiKey: config.get('LLM_API_KEY') || 'unused',
    timeout: config.get('LLM_TIMEOUT_MS'),
    configuration: { baseURL: baseUrl },
  });
  return { name: model, chat };
}
