import { DomainError, FieldProblem } from '@autonomos/platform';

export enum AoaErrorCode {
  InvalidRequest = 'invalid_discovery_request',
  AodUnreachable = 'aod_unreachable',
  AodTimeout = 'aod_timeout',
  AodFailed = 'aod_failed',
  AodRejected = 'aod_rejected',
  AodOffContract = 'aod_off_contract',
  InvalidCursor = 'invalid_cursor',
}

export const aoaErrors = {
  invalidRequest: (fields: FieldProblem[]) => new DomainError(AoaErrorCode.InvalidRequest, 'invalid', 'The discovery request is invalid', fields),
  unreachable: (url: string, attempts: number, cause: string) =>
    new DomainError(AoaErrorCode.AodUnreachable, 'bad_gateway', `The AOD discovery service at ${url} is unreachable (${cause}; ${attempts} attempt(s)); nothing was stored`),
  timeout: (url: string, ms: number) =>
    new DomainError(AoaErrorCode.AodTimeout, 'gateway_timeout', `The AOD discovery service at ${url} did not answer within ${ms} ms; nothing was stored`),
  failed: (status: number, attempts: number) =>
    new DomainError(AoaErrorCode.AodFailed, 'bad_gateway', `The AOD discovery service failed with HTTP ${status} (${attempts} attempt(s)); nothing was stored`),
  rejected: (status: number, detail: string) =>
    new DomainError(AoaErrorCode.AodRejected, 'bad_gateway', `The AOD discovery service refused the request with HTTP ${status}: ${detail}; nothing was stored`),
  offContract: (fields: FieldProblem[]) =>
    new DomainError(
      AoaErrorCode.AodOffContract,
      'bad_gateway',
      `The AOD discovery service answered off-contract (${fields.map((f) => `${f.field}: ${f.message}`).slice(0, 3).join('; ')}); nothing was stored`,
      fields,
    ),
  invalidCursor: () => new DomainError(AoaErrorCode.InvalidCursor, 'invalid', 'The cursor is malformed', [{ field: 'cursor', message: 'malformed' }]),
};
