import { DomainError, ErrorKind } from '@autonomos/platform';

export enum FileSourceErrorCode {
  InvalidOptions = 'file_source_invalid_options',
  EmptyFile = 'file_source_empty_file',
  BinaryContent = 'file_source_binary_content',
  UnsupportedEncoding = 'file_source_unsupported_encoding',
  InvalidEncoding = 'file_source_invalid_encoding',
  EmptyHeader = 'file_source_empty_header',
  DuplicateHeader = 'file_source_duplicate_header',
  UnclosedQuote = 'file_source_unclosed_quote',
  MalformedQuote = 'file_source_malformed_quote',
  RecordTooLarge = 'file_source_record_too_large',
  MalformedCsv = 'file_source_malformed_csv',
  ReadFailed = 'file_source_read_failed',
  PathOutsideRoot = 'file_source_path_outside_root',
  PathNotFound = 'file_source_path_not_found',
  PathNotAFile = 'file_source_path_not_a_file',
}

const KIND: Record<FileSourceErrorCode, ErrorKind> = {
  [FileSourceErrorCode.InvalidOptions]: 'invalid',
  [FileSourceErrorCode.EmptyFile]: 'invalid',
  [FileSourceErrorCode.BinaryContent]: 'invalid',
  [FileSourceErrorCode.UnsupportedEncoding]: 'invalid',
  [FileSourceErrorCode.InvalidEncoding]: 'invalid',
  [FileSourceErrorCode.EmptyHeader]: 'invalid',
  [FileSourceErrorCode.DuplicateHeader]: 'invalid',
  [FileSourceErrorCode.UnclosedQuote]: 'invalid',
  [FileSourceErrorCode.MalformedQuote]: 'invalid',
  [FileSourceErrorCode.RecordTooLarge]: 'too_large',
  [FileSourceErrorCode.MalformedCsv]: 'invalid',
  [FileSourceErrorCode.ReadFailed]: 'unavailable',
  [FileSourceErrorCode.PathOutsideRoot]: 'invalid',
  [FileSourceErrorCode.PathNotFound]: 'not_found',
  [FileSourceErrorCode.PathNotAFile]: 'invalid',
};

/**
 * A file-level problem: the whole file is refused. The reader may already have yielded earlier
 * batches, so callers stage a file in one transaction and roll it back on this error; nothing
 * is half-written. Row-level faults are not errors: they come back as quarantined rows.
 */
export class FileSourceError extends DomainError<FileSourceErrorCode> {
  constructor(
    code: FileSourceErrorCode,
    problem: string,
    /** 1-based line the problem was found on, when it has one. */
    readonly line?: number,
  ) {
    const message = line === undefined ? problem : `line ${line}: ${problem}`;
    super(code, KIND[code], message, [{ field: 'file', message }]);
    this.name = 'FileSourceError';
  }
}
