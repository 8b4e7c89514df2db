/**
 * What went wrong, in terms the edge can map to an HTTP status without knowing the domain.
 * Libs throw these (never HttpException); the api's exception filter maps `kind` to a status.
 */
export type ErrorKind =
  | 'invalid' // 400: the input is wrong
  | 'unauthenticated' // 401
  | 'forbidden' // 403: authenticated but the role does not allow it
  | 'not_found' // 404: also for another tenant's resources
  | 'conflict' // 409: the state does not allow it
  | 'too_large' // 413
  | 'rate_limited' // 429
  | 'unavailable' // 503
  | 'bad_gateway' // 502: an upstream service answered wrongly
  | 'gateway_timeout'; // 504: an upstream service did not answer in time

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id?: string) =>
  new DomainError(`${what.toLowerCase().replace(/\s+/g, '_')}_not_found`, 'not_found', id ? `${what} ${id} does not exist` : `${what} does not exist`);
