import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeSlack {
  url: string;
  /** JSON bodies received, in order (failed ones included). */
  received: Array<{ text: string }>;
  /** Answer the next `count` requests with 500. */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** A Slack Incoming Webhook on 127.0.0.1: accepts POST JSON and answers "ok", or fails on demand. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const received: Array<{ text: string }> = [];
  let failures = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/json') {
        res.writeHead(400).end('invalid_payload');
        return;
      }
      received.push(JSON.parse(body));
      if (failures > 0) {
        failures--;
        res.writeHead(500).end('internal_error');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/secret-token`,
    received,
    failNext: (count) => (failures = count),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
