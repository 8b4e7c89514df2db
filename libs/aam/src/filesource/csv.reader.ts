import { createHash, Hash } from 'node:crypto';
import { Readable } from 'node:stream';
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

      const parser = new CsvTextParser(delimiter);
      let header: string[] | undefined;
      let build: ((fields: string[]) => Record<string, string>) | undefined;
      let batch: CsvBatch = { records: [], quarantined: [] };
      let records = 0;
      let quarantined = 0;
      const rows: ParsedRow[] = [];
      for await (const chunk of text.all(head, raw)) {
        rows.length = 0;
        if (chunk === undefined) parser.end(rows);
        else parser.push(chunk, rows);
        for (const { fields: record, line } of rows) {
          if (!header) {
            header = readHeader(record, line);
            this.headerNames = header;
            build = recordBuilder(header);
            continue;
          }
          const row = records + quarantined + 1;
          if (record.length === header.length) {
            batch.records.push({ line, row, values: build!(record) });
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

  /** The text in chunks, then undefined once the end is reached. */
  async *all(head: string, rest: AsyncGenerator<Buffer>): AsyncGenerator<string | undefined> {
    yield head;
    for await (const chunk of rest) yield this.decode(chunk);
    yield this.check(this.decoder.end());
    yield undefined;
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

/**
 * Builds a record's values object. A function generated per header makes every record an
 * object literal of one shape (fast properties), where Object.fromEntries builds each one key
 * by key. A header naming __proto__ keeps Object.fromEntries, which defines it as an own key.
 */
function recordBuilder(header: readonly string[]): (fields: string[]) => Record<string, string> {
  if (header.includes('__proto__')) return (fields) => Object.fromEntries(header.map((name, i) => [name, fields[i]]));
  const body = header.map((name, i) => `${JSON.stringify(name)}: f[${i}]`).join(', ');
  return new Function('f', `return { ${body} };`) as (fields: string[]) => Record<string, string>;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * RFC 4180 CSV: fields separated by the delimiter, records by CRLF, LF or CR; a field may be
 * quoted ("…") with quotes inside doubled, and then hold delimiters and line breaks. Blank lines
 * are skipped. Records come with the physical line they start on (blank lines and line breaks
 * inside quoted fields counted). Text arrives in chunks; a record split across chunks is
 * completed by the next one. Faults throw FileSourceError with the line:
 * - a quote never closed: UnclosedQuote, at the line the record starts on;
 * - a closing quote followed by text: MalformedQuote; a quote inside an unquoted field: MalformedCsv;
 * - a record longer than MAX_RECORD_CHARS: RecordTooLarge, at the line the record starts on.
 */
class CsvTextParser {
  private pending = '';
  /** Physical line at the start of `pending`. */
  private line = 1;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(chunk: string, out: ParsedRow[]): void {
    this.pending = this.pending.length === 0 ? chunk : this.pending + chunk;
    this.parse(false, out);
  }

  end(out: ParsedRow[]): void {
    this.parse(true, out);
  }

  private parse(final: boolean, out: ParsedRow[]): void {
    const text = this.pending;
    const length = text.length;
    const delimiter = this.delimiter;
    let line = this.line;
    let start = 0;
    /** Line at `start`: where the unfinished record, if any, resumes. */
    let startLine = line;
    records: while (start < length) {
      let i = start;
      let c = text.charCodeAt(i);
      // Blank line: skipped, counted.
      if (c === LF || c === CR) {
        if (c === CR && i + 1 >= length && !final) break;
        start = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        startLine = ++line;
        continue;
      }
      const recordLine = line;
      const fields: string[] = [];
      for (;;) {
        if (i - start > MAX_RECORD_CHARS) {
          throw new FileSourceError(FileSourceErrorCode.RecordTooLarge, `record longer than ${MAX_RECORD_CHARS} characters (often an unclosed quote)`, recordLine);
        }
        c = i < length ? text.charCodeAt(i) : -1;
        if (c === QUOTE) {
          // Quoted field: up to a quote not followed by another.
          let j = i + 1;
          let escaped = false;
          let close: number;
          for (;;) {
            close = text.indexOf('"', j);
            if (close === -1 || (close + 1 >= length && !final)) {
              if (!final) break records;
              if (close === -1) {
                if (length - start > MAX_RECORD_CHARS) {
                  throw new FileSourceError(FileSourceErrorCode.RecordTooLarge, `record longer than ${MAX_RECORD_CHARS} characters (often an unclosed quote)`, recordLine);
                }
                throw new FileSourceError(
                  FileSourceErrorCode.UnclosedQuote,
                  'unclosed quote (the quoted field starting here is never closed before the end of the file)',
                  recordLine,
                );
              }
            }
            if (text.charCodeAt(close + 1) === QUOTE) {
              escaped = true;
              j = close + 2;
              continue;
            }
            break;
          }
          const raw = text.slice(i + 1, close);
          const field = escaped ? raw.replace(/""/g, '"') : raw;
          const breaks = lineBreaks(raw);
          i = close + 1;
          c = i < length ? text.charCodeAt(i) : -1;
          if (c !== delimiter && c !== LF && c !== CR && c !== -1) {
            throw new FileSourceError(
              FileSourceErrorCode.MalformedQuote,
              'a closing quote is followed by text instead of a delimiter or line end (quotes inside a field must be doubled)',
              line + breaks,
            );
          }
          line += breaks;
          fields.push(field);
        } else {
          // Unquoted field: up to the delimiter or the line end.
          let j = i;
          while (j < length) {
            c = text.charCodeAt(j);
            if (c === delimiter || c === LF || c === CR) break;
            if (c === QUOTE) {
              throw new FileSourceError(
                FileSourceErrorCode.MalformedCsv,
                `a quote inside an unquoted field (field ${fields.length + 1}): quote the whole field and double the quotes inside it`,
                line,
              );
            }
            j++;
          }
          if (j >= length) {
            if (!final) break records;
            c = -1;
          }
          fields.push(text.slice(i, j));
          i = j;
        }
        // At a delimiter, a line end or the end of the text.
        if (c === delimiter) {
          i++;
          continue;
        }
        if (c === CR) {
          if (i + 1 >= length && !final) break records;
          i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        } else if (c === LF) {
          i++;
        }
        startLine = ++line;
        out.push({ fields, line: recordLine });
        start = i;
        continue records;
      }
    }
    if (final && start < length) {
      // Only reached when the last record was cut short without a line end: never, by construction.
      throw new FileSourceError(FileSourceErrorCode.MalformedCsv, 'the last record is incomplete', line);
    }
    if (length - start > MAX_RECORD_CHARS) {
      throw new FileSourceError(FileSourceErrorCode.RecordTooLarge, `record longer than ${MAX_RECORD_CHARS} characters (often an unclosed quote)`, startLine);
    }
    this.pending = start >= length ? '' : text.slice(start);
    this.line = startLine;
  }
}

function lineBreaks(field: string): number {
  if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) return 0;
  return field.match(/\r\n|\r|\n/g)?.length ?? 0;
}
