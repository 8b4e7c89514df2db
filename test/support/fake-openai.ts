import { LocalEmbeddingProvider } from '@autonomos/llm';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  tools?: Array<{ type: 'function'; function: { name: string; parameters: unknown } }>;
}

/**
 * An OpenAI-compatible server on 127.0.0.1 for tests: chat completions answered by function
 * calling (what the LLM gateway asks for) or as JSON content, and embeddings (float or base64).
 * It counts requests and can be made slow (timeouts) or failing (HTTP 500).
 */
export interface FakeOpenAi {
  /** Base URL to give as LLM_BASE_URL / EMBEDDINGS_BASE_URL (ends in /v1). */
  url: string;
  requests: { chat: number; embeddings: number };
  chatBodies: ChatRequest[];
  mode: 'ok' | 'slow' | 'fail';
  slowMs: number;
  /** The structured answer to a chat request (the tool call's arguments). */
  answer: (request: ChatRequest) => unknown;
  usage: { promptTokens: number; completionTokens: number };
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const fake: FakeOpenAi = {
    url: '',
    requests: { chat: 0, embeddings: 0 },
    chatBodies: [],
    mode: 'ok',
    slowMs: 5_000,
    answer: () => ({}),
    usage: { promptTokens: 120, completionTokens: 30 },
    reset() {
      this.requests = { chat: 0, embeddings: 0 };
      this.chatBodies = [];
      this.mode = 'ok';
    },
    close: async () => undefined,
  };

  const server = createServer(async (req, res) => {
    const body = await readJson(req);
    if (fake.mode === 'slow') await delay(fake.slowMs, res);
    // The client gave up waiting (its timeout): nothing to answer.
    if (res.destroyed) return;
    if (req.url?.endsWith('/chat/completions')) {
      fake.requests.chat++;
      fake.chatBodies.push(body as ChatRequest);
      if (fake.mode === 'fail') return send(res, 500, { error: { message: 'fake failure', type: 'server_error' } });
      return send(res, 200, chatCompletion(body as ChatRequest, fake));
    }
    if (req.url?.endsWith('/embeddings')) {
      fake.requests.embeddings++;
      if (fake.mode === 'fail') return send(res, 500, { error: { message: 'fake failure', type: 'server_error' } });
      return send(res, 200, await embeddings(body as { input: string | string[]; model: string; encoding_format?: string }));
    }
    send(res, 404, { error: { message: `no route ${req.url}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

function chatCompletion(request: ChatRequest, fake: FakeOpenAi) {
  const answer = JSON.stringify(fake.answer(request));
  const tool = request.tools?.[0]?.function.name;
  const message = tool
    ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: tool, arguments: answer } }] }
    : { role: 'assistant', content: answer };
  const { promptTokens, completionTokens } = fake.usage;
  return {
    id: `chatcmpl-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{ index: 0, message, finish_reason: tool ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

async function embeddings(request: { input: string | string[]; model: string; encoding_format?: string }) {
  const inputs = Array.isArray(request.input) ? request.input : [request.input];
  const vectors = await new LocalEmbeddingProvider().embed(inputs);
  const data = vectors.map((vector, index) => {
    const embedding = request.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  return { object: 'list', data, model: request.model, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } };
}

/** Waits, unless the client hangs up first. */
function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
