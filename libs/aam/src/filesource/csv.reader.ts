import { createHash, Hash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { CsvError, InfoRecord, Options, parse } from 'csv-parse';
import { CsvDelimiter, detectDelimiter, normalizeDelimiter } from './delimiter.detector';
import { chooseEncoding, countNewlines, createChunkDecoder, CsvEncoding, EncodingSource } from './encoding.detector';
import { FileSourceError, FileSourceErrorCode } from './file-source.errors';

export interface CsvReadOptions {
  /** Records (good and quarantined together) per yielded batch. */
  batchSize: number;
  /** One of , ; tab |. Detected from the first lines when absent. */
  delimiter?: string;
  /** utf-8, utf-16le, utf-16be, latin1 or windows-1252. From the BOM, else UTF-8, else detected when absent. */
  encoding?: string;
}

export interface CsvRecord {
  /** 1-based physical line the record starts on (the header is line 1 unless blank lines precede it). */
  line: number;
  /** 1-based data row: the n-th record after the header, quarantined rows included. */
  row: number;
  /** Raw text per header name; CSV has no types, so no value is converted here. */
  values: Record<string, string>;
}

export type CsvQuarantineReason = 'too_many_fields' | 'too_few_fields';

/** A row-level fault in an otherwise good file: kept with its reason, never dropped silently. */
export interface QuarantinedRow {
  line: number;
  row: number;
  reason: CsvQuarantineReason;
  message: string;
  fields: string[];
}

export interface CsvBatch {
  records: CsvRecord[];
  quarantined: QuarantinedRow[];
}

export interface CsvReadSummary {
  header: string[];
  encoding: CsvEncoding;
  encodingSource: EncodingSource;
  delimiter: CsvDelimiter;
  delimiterSource: 'declared' | 'detected';
  /** SHA-256 (hex) of the raw bytes, BOM included: the file as uploaded. */
  checksum: string;
  bytes: number;
  records: number;
  quarantined: number;
}

/** Bytes read before choosing the encoding and delimiter: enough to see past a long header. */
const SNIFF_BYTES = 1 << 20;
/** A quote left open would otherwise buffer the rest of a 1 GB file as one field. */
const MAX_RECORD_CHARS = 8 << 20;

type ParsedRow = { fields: string[]; line: number };

/**
 * Streams a CSV file as batches of records. Memory is bounded by the batch size and the stream
 * buffers: the source is pulled only as fast as batches are consumed.
 *
 *   const reader = new CsvFileReader(stream, { batchSize: 5000 });
 *   for await (const batch of reader) { ... }
 *   const { checksum, header } = reader.summary();
 *
 * File-level problems throw FileSourceError (possibly after earlier batches were yielded);
 * rows with the wrong number of fields come back in `batch.quarantined`. What users get:
 * - empty file (0 bytes or blank lines): EmptyFile. Without a header there is no schema.
 * - header only: zero records and the header, no error: a valid export of an empty period.
 * - duplicate or blank header names: DuplicateHeader / EmptyHeader; values could not be told apart.
 * - a quote never closed: UnclosedQuote naming the line it opens on; a stray quote: MalformedQuote.
 * - NUL bytes: BinaryContent. Bytes not valid in the declared encoding: InvalidEncoding.
 * - undeclared non-UTF-8 bytes: read as Latin-1 (Windows-1252 if 0x80-0x9F occur), reported
 *   in the summary as encodingSource 'detected'.
 * - too many or too few fields on a row: that row quarantined with its line; the rest loads.
 */
export class CsvFileReader implements AsyncIterable<CsvBatch> {
  private started = false;
  private result?: CsvReadSummary;
  private headerNames?: string[];

  constructor(
    private readonly source: Readable,
    private readonly options: CsvReadOptions,
  ) {
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
      throw new FileSourceError(FileSourceErrorCode.InvalidOptions, `batchSize must be a positive integer, got ${options.batchSize}`);
    }
  }

  /** The header's column names, once the header line has been read. */
  get header(): string[] | undefined {
    return this.headerNames;
  }

  /** Format, header and checksum; available once every batch has been read. */
  summary(): CsvReadSummary {
    if (!this.result) throw new Error('CsvFileReader.summary() is available once the file has been read to the end');
    return this.result;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<CsvBatch> {
    if (this.started) throw new Error('a CsvFileReader can be iterated only once');
    this.started = true;

    const hash = createHash('sha256');
    let bytes = 0;
    const raw = hashed(this.source, hash, (n) => (bytes += n));
    try {
      const { sample, complete } = await readSample(raw);
      if (sample.length === 0) throw new FileSourceError(FileSourceErrorCode.EmptyFile, 'the file is empty (0 bytes)');

      const encoding = chooseEncoding(sample, complete, this.options.encoding);
      const text = new TextStream(encoding.encoding);
      const head = text.decode(sample.subarray(encoding.bomLength));
      const delimiter =
        this.options.delimiter === undefined ? detectDelimiter(head) : normalizeDelimiter(this.options.delimiter);

      const rows = new RowCounter();
      const parser = createParser(delimiter, rows);
      // Errors from either side surface through the parser's iterator below.
      pipeline(Readable.from(text.all(head, raw)), parser, () => undefined);

      let header: string[] | undefined;
      let batch: CsvBatch = { records: [], quarantined: [] };
      let records = 0;
      let quarantined = 0;
      try {
        for await (const { fields: record, line } of parser as AsyncIterable<ParsedRow>) {
          if (!header) {
            header = readHeader(record, line);
            this.headerNames = header;
            continue;
          }
          const row = records + quarantined + 1;
          if (record.length === header.length) {
            batch.records.push({ line, row, values: Object.fromEntries(header.map((name, i) => [name, record[i]])) });
            records++;
          } else {
            batch.quarantined.push(raggedRow(record, header.length, line, row));
            quarantined++;
          }
          if (batch.records.length + batch.quarantined.length >= this.options.batchSize) {
            yield batch;
            batch = { records: [], quarantined: [] };
          }
        }
      } catch (error) {
        throw error instanceof CsvError ? fromParserError(error, rows) : error;
      }
      if (!header) throw new FileSourceError(FileSourceErrorCode.EmptyFile, 'the file has no header line, only blank lines');
      if (batch.records.length + batch.quarantined.length > 0) yield batch;

      this.result = {
        header,
        encoding: encoding.encoding,
        encodingSource: encoding.source,
        delimiter,
        delimiterSource: this.options.delimiter === undefined ? 'detected' : 'declared',
        checksum: hash.digest('hex'),
        bytes,
        records,
        quarantined,
      };
    } finally {
      // Stops reading when the caller breaks early or the file is refused; harmless once ended.
      this.source.destroy();
    }
  }
}

function createParser(delimiter: CsvDelimiter, rows: RowCounter) {
  const options: Options<ParsedRow, string[]> = {
    delimiter,
    bom: false,
    // Listed rather than auto-detected: auto-detection fixes the first ending it sees, and a
    // file mixing CRLF and LF would then keep a stray \r at the end of values.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    // Start lines are counted in the parser's own order, so an error raised while earlier
    // records are still buffered names the right line.
    on_record: (fields: string[], info: InfoRecord): ParsedRow => ({ fields, line: rows.startLine(fields, info) }),
  };
  // csv-parse's typings only let on_record change the record type together with `columns`.
  return parse(options as unknown as Options);
}

/** Hashes and counts the raw bytes as they stream; source failures become a typed error. */
async function* hashed(source: Readable, hash: Hash, count: (n: number) => void): AsyncGenerator<Buffer, void, undefined> {
  try {
    for await (const chunk of source) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      hash.update(buffer);
      count(buffer.length);
      yield buffer;
    }
  } catch (error) {
    throw new FileSourceError(FileSourceErrorCode.ReadFailed, `the file could not be read: ${(error as Error).message}`);
  }
}

async function readSample(raw: AsyncGenerator<Buffer>): Promise<{ sample: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await raw.next();
    if (next.done) return { sample: Buffer.concat(chunks), complete: true };
    chunks.push(next.value);
    size += next.value.length;
  }
  return { sample: Buffer.concat(chunks), complete: false };
}

/** Decodes to text, tracks the current line, and refuses NUL characters (binary content). */
class TextStream {
  private line = 1;
  private readonly decoder;

  constructor(encoding: CsvEncoding) {
    this.decoder = createChunkDecoder(encoding, () => this.line);
  }

  decode(chunk: Buffer): string {
    return this.check(this.decoder.write(chunk));
  }

  async *all(head: string, rest: AsyncGenerator<Buffer>): AsyncGenerator<string> {
    yield head;
    for await (const chunk of rest) yield this.decode(chunk);
    yield this.check(this.decoder.end());
  }

  private check(text: string): string {
    const nul = text.indexOf('\0');
    if (nul !== -1) {
      throw new FileSourceError(
        FileSourceErrorCode.BinaryContent,
        'NUL byte found: this looks like a binary file, not CSV text',
        this.line + countNewlines(text.slice(0, nul)),
      );
    }
    this.line += countNewlines(text);
    return text;
  }
}

/**
 * Counts start lines itself: csv-parse's own line count is off by one for every CRLF inside a
 * quoted field. A record starts after the previous one, its embedded line breaks and any blank
 * lines the parser skipped.
 */
class RowCounter {
  private next = 1;
  private blankLines = 0;

  startLine(fields: string[], info: { empty_lines: number }): number {
    const line = this.pendingStart(info);
    this.blankLines = info.empty_lines;
    this.next = line + 1 + fields.reduce((n, field) => n + lineBreaks(field), 0);
    return line;
  }

  /** Start line of the record being parsed when the parser failed. */
  pendingStart(info: { empty_lines: number }): number {
    return this.next + (info.empty_lines - this.blankLines);
  }
}

function lineBreaks(field: string): number {
  if (!field.includes('\n') && !field.includes('\r')) return 0;
  return field.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function readHeader(fields: string[], line: number): string[] {
  const names = fields.map((field) => field.trim());
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') throw new FileSourceError(FileSourceErrorCode.EmptyHeader, `header column ${i + 1} has no name`, line);
    const first = seen.get(name);
    if (first !== undefined) {
      throw new FileSourceError(
        FileSourceErrorCode.DuplicateHeader,
        `duplicate column name "${name}" (columns ${first + 1} and ${i + 1})`,
        line,
      );
    }
    seen.set(name, i);
  });
  return names;
}

function raggedRow(fields: string[], expected: number, line: number, row: number): QuarantinedRow {
  return {
    line,
    row,
    reason: fields.length > expected ? 'too_many_fields' : 'too_few_fields',
    message: `line ${line}: expected ${expected} fields, found ${fields.length}`,
    fields,
  };
}

function fromParserError(error: CsvError, rows: RowCounter): FileSourceError {
  const info = error as CsvError & { lines: number; empty_lines: number };
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new FileSourceError(
        FileSourceErrorCode.UnclosedQuote,
        'unclosed quote (the quoted field starting here is never closed before the end of the file)',
        rows.pendingStart(info),
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new FileSourceError(
        FileSourceErrorCode.MalformedQuote,
        'a closing quote is followed by text instead of a delimiter or line end (quotes inside a field must be doubled)',
        info.lines,
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new FileSourceError(
        FileSourceErrorCode.RecordTooLarge,
        `record longer than ${MAX_RECORD_CHARS} characters (often an unclosed quote)`,
        rows.pendingStart(info),
      );
    default:
      return new FileSourceError(FileSourceErrorCode.MalformedCsv, error.message, info.lines);
  }
}
