import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GeminiRequest {
  path: string;
  apiKey: string | undefined;
  contents: Array<{ role: string; parts: Array<{ text?: string }> }>;
  systemInstruction?: { parts: Array<{ text: string }> };
  tools?: Array<{ functionDeclarations?: Array<{ name: string; parameters: unknown }> }>;
}

/**
 * The Gemini API's generateContent (v1beta, what @google/generative-ai calls) on 127.0.0.1:
 * answers with a function call to the first declared function, and usage metadata.
 */
export interface FakeGemini {
  /** Base URL to give as LLM_BASE_URL (the client appends /v1beta/models/<model>:generateContent). */
  url: string;
  requests: GeminiRequest[];
  answer: (request: GeminiRequest) => unknown;
  usage: { promptTokens: number; completionTokens: number };
  close(): Promise<void>;
}

export async function startFakeGemini(): Promise<FakeGemini> {
  const fake: FakeGemini = { url: '', requests: [], answer: () => ({}), usage: { promptTokens: 90, completionTokens: 20 }, close: async () => undefined };
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const match = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return send(404, { error: { code: 404, message: `no route ${req.method} ${req.url}`, status: 'NOT_FOUND' } });
    const apiKey = req.headers['x-goog-api-key'] as string | undefined;
    if (!apiKey) return send(403, { error: { code: 403, message: 'Method doesn\'t allow unregistered callers', status: 'PERMISSION_DENIED' } });
    const request = { path: req.url!, apiKey, ...((await readJson(req)) as Omit<GeminiRequest, 'path' | 'apiKey'>) };
    fake.requests.push(request);
    const name = request.tools?.[0]?.functionDeclarations?.[0]?.name;
    const part = name ? { functionCall: { name, args: fake.answer(request) } } : { text: JSON.stringify(fake.answer(request)) };
    const { promptTokens, completionTokens } = fake.usage;
    send(200, {
      candidates: [{ content: { role: 'model', parts: [part] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: promptTokens, candidatesTokenCount: completionTokens, totalTokenCount: promptTokens + completionTokens },
      modelVersion: match[1],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}
