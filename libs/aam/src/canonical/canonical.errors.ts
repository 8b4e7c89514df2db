import { DomainError } from '@autonomos/platform';

export enum CanonicalErrorCode {
  EmptyBatch = 'canonical_empty_batch',
  MixedBatch = 'canonical_mixed_batch',
  ReservedColumn = 'canonical_reserved_column',
}

export class CanonicalEventError extends DomainError<CanonicalErrorCode> {
  constructor(code: CanonicalErrorCode, message: string) {
    super(code, 'invalid', message);
    this.name = 'CanonicalEventError';
  }
}
