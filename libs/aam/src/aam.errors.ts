import { DomainError, FieldProblem } from '@autonomos/platform';

export enum AamErrorCode {
  ConnectionNotFound = 'connection_not_found',
  DriftNotFound = 'drift_not_found',
  StreamNotFound = 'stream_not_found',
  InvalidConnection = 'invalid_connection',
  ConnectorUnavailable = 'connector_unavailable',
  ContractRejected = 'schema_contract_rejected',
  InvalidEvent = 'invalid_canonical_event',
  UploadTooLarge = 'upload_too_large',
  UploadMissing = 'upload_missing',
  InvalidCursor = 'invalid_cursor',
}

export const aamErrors = {
  connectionNotFound: (id: string) => new DomainError(AamErrorCode.ConnectionNotFound, 'not_found', `Connection ${id} does not exist`),
  driftNotFound: (id: string) => new DomainError(AamErrorCode.DriftNotFound, 'not_found', `Drift ${id} does not exist`),
  streamNotFound: (stream: string, known: string[]) =>
    new DomainError(AamErrorCode.StreamNotFound, 'not_found', `Stream "${stream}" does not exist; streams: ${known.join(', ') || 'none'}`, [
      { field: 'stream', message: 'unknown stream' },
    ]),
  invalidConnection: (fields: FieldProblem[]) =>
    new DomainError(AamErrorCode.InvalidConnection, 'invalid', 'The connection settings are invalid', fields),
  connectorUnavailable: (kind: string) =>
    new DomainError(AamErrorCode.ConnectorUnavailable, 'unavailable', `The ${kind} connector is not available in this build yet`),
  contractRejected: (stream: string, position: number, reason: string) =>
    new DomainError(
      AamErrorCode.ContractRejected,
      'invalid',
      `Record ${position} of stream "${stream}" breaks a frozen schema contract: ${reason}. Nothing was written; change the contract to evolve, discard_row or discard_value to accept it.`,
      [{ field: `record ${position}`, message: reason }],
    ),
  invalidEvent: (position: number, problems: FieldProblem[]) =>
    new DomainError(AamErrorCode.InvalidEvent, 'invalid', `Record ${position} did not make a valid canonical event`, problems),
  uploadTooLarge: (limit: number) =>
    new DomainError(AamErrorCode.UploadTooLarge, 'too_large', `The file is larger than the ${limit}-byte upload limit`, [{ field: 'file', message: 'too large' }]),
  uploadMissing: () =>
    new DomainError(AamErrorCode.UploadMissing, 'invalid', 'Send the CSV as multipart/form-data in a field named "file"', [{ field: 'file', message: 'missing' }]),
  invalidCursor: () => new DomainError(AamErrorCode.InvalidCursor, 'invalid', 'The cursor is malformed', [{ field: 'cursor', message: 'malformed' }]),
};
