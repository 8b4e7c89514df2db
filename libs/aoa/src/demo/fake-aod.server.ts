import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscoveredAsset, DiscoveryRequest, DiscoveryResponse, issuePath } from '../contract/discovery.contract';
import { ESTATE_SCANNED_AT, generateEstate } from './estate';

/**
 * How the fake answers: ok; down (drops every connection: unreachable); slow (answers after
 * `slowMs`); off_contract (an asset with a wrong field); error (HTTP 503).
 */
export type FakeAodMode = 'ok' | 'down' | 'slow' | 'off_contract' | 'error';

export interface FakeAodOptions {
  /** The estate it reports; the bundled demo estate (200 assets) by default. */
  assets?: DiscoveredAsset[];
  scannedAt?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  slowMs?: number;
}

export interface FakeAod {
  url: string;
  mode: FakeAodMode;
  /** The estate it reports from now on (a larger one makes a full scan page). */
  estate: DiscoveredAsset[];
  /** Every discovery request received, with its correlation id header. */
  requests: { body: unknown; correlationId: string | undefined }[];
  /** The next `count` requests get HTTP `status` (then the mode applies again). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

// Words of a request that name a data class.
const SYNONYMS: Record<string, string> = { personal: 'pii', customer: 'pii', card: 'financial', payment: 'financial', finance: 'financial', invoice: 'financial', secret: 'credentials', password: 'credentials', medical: 'health', patient: 'health' };
const DEFAULT_QUERY_LIMIT = 50;
const DEFAULT_PAGE = 100;

/** The assets a natural-language request is about: any word (or its data class) found in an asset's attributes. */
function matches(query: string, asset: DiscoveredAsset): boolean {
  const words = query.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3).map((w) => w.replace(/s$/, ''));
  const haystack = [asset.name, asset.kind, asset.vendor ?? '', asset.exposure, ...asset.dataClasses].join(' ').toLowerCase();
  return words.some((word) => haystack.includes(word) || (SYNONYMS[word] !== undefined && asset.dataClasses.includes(SYNONYMS[word] as never)));
}

/**
 * A stand-in for the AOS Discover service on 127.0.0.1, speaking the AOA's contract
 * (POST /discover): for e2e tests and `make demo`. It checks requests against the contract too.
 */
export async function startFakeAod(options: FakeAodOptions = {}): Promise<FakeAod> {
  const scannedAt = options.scannedAt ?? ESTATE_SCANNED_AT;
  const slowMs = options.slowMs ?? 30_000;
  const timers = new Set<NodeJS.Timeout>();
  let failures: { count: number; status: number } = { count: 0, status: 503 };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const answer = (request: DiscoveryRequest): DiscoveryResponse => {
    const assets = fake.estate;
    if (request.scope === 'full') {
      const start = Number(request.cursor ?? 0);
      const limit = request.limit ?? DEFAULT_PAGE;
      const page = assets.slice(start, start + limit);
      return { requestId: randomUUID(), scannedAt, assets: page, nextCursor: start + limit < assets.length ? String(start + limit) : null };
    }
    const found = assets.filter((asset) => matches(request.query, asset)).slice(0, request.limit ?? DEFAULT_QUERY_LIMIT);
    return { requestId: randomUUID(), scannedAt, assets: found, nextCursor: null };
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    if (req.method === 'GET' && req.url === '/health') return send(res, 200, { status: 'ok' });
    if (req.method !== 'POST' || req.url !== '/discover') return send(res, 404, { error: 'not found' });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: 'body must be JSON' });
    }
    fake.requests.push({ body, correlationId: req.headers['x-correlation-id'] as string | undefined });
    if (failures.count > 0) {
      failures.count--;
      return send(res, failures.status, { error: 'injected failure' });
    }
    const request = DiscoveryRequest.safeParse(body);
    if (!request.success) return send(res, 400, { error: 'off-contract request', issues: request.error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`) });
    const response = answer(request.data);
    switch (fake.mode) {
      case 'error':
        return send(res, 503, { error: 'unavailable' });
      case 'off_contract':
        return send(res, 200, { ...response, assets: response.assets.map((a, i) => (i === 0 ? { ...a, exposure: 'everywhere' } : a)) });
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send(res, 200, response);
        }, slowMs);
        timers.add(timer);
        return;
      }
      default:
        return send(res, 200, response);
    }
  };

  const server = createServer((req, res) => {
    // Kept-alive connections from before the fake went down are dropped too.
    if (fake.mode === 'down') return void req.socket.destroy();
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => handle(req, res, raw));
  });
  // Down: the port is open but every connection is dropped at once (a reset, as from a dying service).
  server.on('connection', (socket) => {
    if (fake.mode === 'down') socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));

  const fake: FakeAod = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mode: 'ok',
    estate: options.assets ?? generateEstate(),
    requests: [],
    failNext(count, status = 503) {
      failures = { count, status };
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** `node -r @swc-node/register libs/aoa/src/demo/fake-aod.server.ts [port]`: the bundled fake on its own. */
if (require.main === module) {
  void startFakeAod({ port: Number(process.argv[2] ?? 8000) }).then((fake) => console.log(`fake AOD listening on ${fake.url} (${generateEstate().length} assets)`));
}
