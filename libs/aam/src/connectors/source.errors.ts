import { DomainError, ErrorKind } from '@autonomos/platform';

/** What went wrong talking to a tenant's source (database, CRM), in terms a user can fix. */
export enum SourceErrorCode {
  /** The connection's settings are wrong or incomplete: fix the connection. */
  InvalidConfig = 'source_invalid_config',
  /** Nothing answered at the address (refused, host unknown, unreachable). */
  Unreachable = 'source_unreachable',
  /** The source did not answer in time. */
  Timeout = 'source_timeout',
  /**
   * The source rejected the stored credentials. Not 'unauthenticated': that is for callers of
   * OUR API, and an SDK would take a 401 to mean its own token expired. The request to us was
   * fine; the connection's credentials need updating, so it is a bad answer from upstream (502).
   */
  AuthFailed = 'source_auth_failed',
  /** The session or token expired mid-run and could not be renewed. */
  SessionExpired = 'source_session_expired',
  /** TLS could not be set up: required by one side and refused, or a certificate not trusted. */
  TlsFailed = 'source_tls_failed',
  /** The source refused more requests for now (API limits); retried already. */
  RateLimited = 'source_rate_limited',
  /** The stream (table, object, collection) does not exist or is not visible to this user. */
  StreamNotFound = 'source_stream_not_found',
  /** The source answered with an error or something we could not read. */
  BadResponse = 'source_bad_response',
}

const KIND: Record<SourceErrorCode, ErrorKind> = {
  [SourceErrorCode.InvalidConfig]: 'invalid',
  [SourceErrorCode.Unreachable]: 'bad_gateway',
  [SourceErrorCode.Timeout]: 'gateway_timeout',
  [SourceErrorCode.AuthFailed]: 'bad_gateway',
  [SourceErrorCode.SessionExpired]: 'bad_gateway',
  [SourceErrorCode.TlsFailed]: 'bad_gateway',
  // The fix is to wait, as for our own 503s.
  [SourceErrorCode.RateLimited]: 'unavailable',
  [SourceErrorCode.StreamNotFound]: 'not_found',
  [SourceErrorCode.BadResponse]: 'bad_gateway',
};

export class SourceError extends DomainError<SourceErrorCode> {
  constructor(code: SourceErrorCode, message: string, field?: string) {
    super(code, KIND[code], message, field ? [{ field, message }] : []);
    this.name = 'SourceError';
  }
}
