import { AppConfig, RequestContext, TenantDb, TenantEntity } from '@autonomos/platform';
import type { AIMessage } from '@langchain/core/messages';
import { Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';
import { ChatModel, createChatModel } from './chat-model.factory';
import { LlmTelemetry } from './llm-telemetry';

export type LlmStatus =
  | { enabled: true; provider: string; model: string }
  | { enabled: false; reason: 'no_provider' | 'dev_mode_off' | 'tenant_disabled' };

export interface StructuredRequest<T> {
  /** Name of the answer's tool/function, e.g. `score_candidates`. */
  name: string;
  schema: z.ZodType<T>;
  system: string;
  user: string;
}

/** Per-tenant switch in `tenants.settings`: `{ "llm": { "enabled": false } }` turns the LLM off for that tenant. */
interface LlmTenantSettings {
  llm?: { enabled?: boolean };
}

/**
 * The one door to the chat model. Used only when a provider is configured, DEV_MODE is on and
 * the tenant has not turned it off; every call is bounded (timeout, retries, the tenant's
 * daily token budget) and counted per tenant. A provider's failure never reaches the caller:
 * a failed or skipped call returns null and the caller carries on without the LLM's opinion.
 */
@Injectable()
export class LlmGateway {
  private readonly logger = new Logger(LlmGateway.name);
  private readonly model: ChatModel | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly telemetry: LlmTelemetry,
    private readonly db: TenantDb,
    private readonly context: RequestContext,
  ) {
    this.model = createChatModel(config);
  }

  /** Whether the current tenant's requests may use the LLM, and why not. */
  async status(): Promise<LlmStatus> {
    if (!this.model) return { enabled: false, reason: 'no_provider' };
    if (!this.config.get('DEV_MODE')) return { enabled: false, reason: 'dev_mode_off' };
    const tenant = await this.db.transaction((manager) => manager.findOne(TenantEntity, { where: { id: this.context.tenantId } }));
    if ((tenant?.settings as LlmTenantSettings | undefined)?.llm?.enabled === false) return { enabled: false, reason: 'tenant_disabled' };
    return { enabled: true, provider: this.config.get('LLM_PROVIDER'), model: this.model.name };
  }

  /** A structured answer, or null when the call was skipped (over budget) or failed (counted). Check status() first. */
  async structured<T>(request: StructuredRequest<T>): Promise<T | null> {
    if (!this.model) return null;
    const tenantId = this.context.tenantId;
    if ((await this.telemetry.tokensToday(tenantId)) >= this.config.get('LLM_TENANT_DAILY_TOKENS')) {
      await this.telemetry.record(tenantId, { overBudget: 1 });
      return null;
    }
    // Function calling is what most OpenAI-compatible servers (vLLM, Ollama, LiteLLM) and Gemini answer.
    const runnable = this.model.chat.withStructuredOutput(request.schema, { name: request.name, method: 'functionCalling', includeRaw: true });
    try {
      const { raw, parsed } = await runnable.invoke(
        [
          ['system', request.system],
          ['human', request.user],
        ],
        // One deadline for the answer, retries included: a slow provider delays a request by at most this.
        { signal: AbortSignal.timeout(this.config.get('LLM_TIMEOUT_MS')) },
      );
      const usage = (raw as AIMessage).usage_metadata;
      await this.telemetry.record(tenantId, {
        calls: 1,
        failures: parsed == null ? 1 : 0,
        promptTokens: usage?.input_tokens ?? 0,
        completionTokens: usage?.output_tokens ?? 0,
      });
      return (parsed as T | null) ?? null;
    } catch (error) {
      this.logger.warn(`LLM call ${request.name} failed: ${(error as Error).message}`);
      await this.telemetry.record(tenantId, { calls: 1, failures: 1 });
      return null;
    }
  }
}
