import { AppConfig, RequestContext } from '@autonomos/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryRequest, DiscoveryResponse, issuePath } from '../contract/discovery.contract';
import { aoaErrors } from '../aoa.errors';

const FIRST_BACKOFF_MS = 100;

/** A failure worth another attempt: the service may answer next time. */
class TransientFailure extends Error {
  constructor(
    readonly reason: string,
    readonly status?: number,
  ) {
    super(reason);
  }
}

/**
 * The AOD discovery service over HTTP. One call has AOD_TIMEOUT_MS in all, retries included;
 * 5xx answers and refused or reset connections are retried (AOD_RETRIES, with backoff), a 4xx
 * or an off-contract answer is not (asking again gets the same). Both the request and the
 * answer are checked against the contract.
 */
@Injectable()
export class AodClient {
  private readonly logger = new Logger('AodClient');

  constructor(
    private readonly config: AppConfig,
    private readonly context: RequestContext,
  ) {}

  async discover(request: DiscoveryRequest): Promise<DiscoveryResponse> {
    const outgoing = DiscoveryRequest.safeParse(request);
    if (!outgoing.success) throw aoaErrors.invalidRequest(outgoing.error.issues.map((i) => ({ field: issuePath(i.path), message: i.message })));
    const url = new URL('discover', this.config.get('AOD_BASE_URL').replace(/\/?$/, '/')).toString();
    const timeoutMs = this.config.get('AOD_TIMEOUT_MS');
    const attempts = this.config.get('AOD_RETRIES') + 1;
    const deadline = Date.now() + timeoutMs;
    const correlationId = this.context.correlationId ?? 'none';
    let last: TransientFailure | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      try {
        this.logger.log({ correlationId, tenantId: request.tenantId, scope: request.scope, url, attempt }, 'aod request sent');
        const body = await this.send(url, outgoing.data, correlationId, left);
        const answer = DiscoveryResponse.safeParse(body);
        if (!answer.success) {
          const fields = answer.error.issues.map((i) => ({ field: issuePath(i.path), message: i.message }));
          this.logger.warn({ correlationId, attempt, fields }, 'aod response off-contract');
          throw aoaErrors.offContract(fields);
        }
        this.logger.log({ correlationId, attempt, requestId: answer.data.requestId, assets: answer.data.assets.length, nextCursor: answer.data.nextCursor }, 'aod response received');
        return answer.data;
      } catch (error) {
        if (isTimeout(error)) {
          this.logger.warn({ correlationId, attempt, timeoutMs }, 'aod request timed out');
          throw aoaErrors.timeout(url, timeoutMs);
        }
        if (!(error instanceof TransientFailure)) throw error;
        last = error;
        this.logger.warn({ correlationId, attempt, cause: error.reason }, 'aod request failed');
        if (attempt < attempts) await sleep(Math.min(FIRST_BACKOFF_MS * 2 ** (attempt - 1), Math.max(0, deadline - Date.now())));
      }
    }
    if (!last) throw aoaErrors.timeout(url, timeoutMs);
    throw last.status ? aoaErrors.failed(last.status, attempts) : aoaErrors.unreachable(url, attempts, last.reason);
  }

  /** One attempt: the parsed JSON body of a 2xx, or why not. */
  private async send(url: string, request: DiscoveryRequest, correlationId: string, timeoutMs: number): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-correlation-id': correlationId },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      if (isTimeout(error)) throw error;
      // fetch rejects with a TypeError whose cause names the network failure (ECONNREFUSED, ECONNRESET, …).
      throw new TransientFailure((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    }
    if (response.status >= 500) throw new TransientFailure(`HTTP ${response.status}`, response.status);
    if (response.status >= 400) throw aoaErrors.rejected(response.status, text.slice(0, 200) || response.statusText);
    if (response.status !== 200) throw aoaErrors.offContract([{ field: '(status)', message: `expected 200, got ${response.status}` }]);
    try {
      return JSON.parse(text);
    } catch {
      throw aoaErrors.offContract([{ field: '(body)', message: 'not JSON' }]);
    }
  }
}

// By name, not instanceof: fetch's DOMException may come from another realm (as under jest).
const isTimeout = (error: unknown) => ['TimeoutError', 'AbortError'].includes((error as { name?: string } | undefined)?.name ?? '');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
