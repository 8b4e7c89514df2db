import { sharedPath } from '@autonomos/testing';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { CsvBatch, CsvFileReader, CsvReadOptions } from './csv.reader';
import { FileSourceError, FileSourceErrorCode } from './file-source.errors';

const DATA = sharedPath('data');

async function readAll(source: Readable, options: Partial<CsvReadOptions> = {}) {
  const reader = new CsvFileReader(source, { batchSize: 1000, ...options });
  const batches: CsvBatch[] = [];
  for await (const batch of reader) batches.push(batch);
  return {
    batches,
    records: batches.flatMap((b) => b.records),
    quarantined: batches.flatMap((b) => b.quarantined),
    summary: reader.summary(),
  };
}

const fromBytes = (bytes: Buffer | string) => Readable.from([Buffer.from(bytes)]);

async function failure(source: Readable, options: Partial<CsvReadOptions> = {}): Promise<FileSourceError> {
  try {
    await readAll(source, options);
  } catch (error) {
    if (error instanceof FileSourceError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('CsvFileReader on shared/data/bad', () => {
  const bad = (name: string) => createReadStream(`${DATA}/bad/${name}`);

  it('refuses empty.csv: with no header there is no schema, and a 0-byte upload is a failed export', async () => {
    const error = await failure(bad('empty.csv'));
    expect(error.code).toBe(FileSourceErrorCode.EmptyFile);
    expect(error.message).toBe('the file is empty (0 bytes)');
  });

  it('accepts header_only.csv as zero records with its header: a valid export of an empty period', async () => {
    const { records, quarantined, summary } = await readAll(bad('header_only.csv'));
    expect(records).toEqual([]);
    expect(quarantined).toEqual([]);
    expect(summary.header).toEqual(['id', 'name', 'amount']);
    expect(summary.records).toBe(0);
  });

  it('refuses duplicate_headers.csv naming the column: values could not be told apart', async () => {
    const error = await failure(bad('duplicate_headers.csv'));
    expect(error.code).toBe(FileSourceErrorCode.DuplicateHeader);
    expect(error.line).toBe(1);
    expect(error.message).toBe('line 1: duplicate column name "amount" (columns 2 and 3)');
  });

  it('refuses unclosed_quote.csv naming the line where the quote opens', async () => {
    const error = await failure(bad('unclosed_quote.csv'));
    expect(error.code).toBe(FileSourceErrorCode.UnclosedQuote);
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^line 2: unclosed quote/);
  });

  it('refuses binary.csv as binary content', async () => {
    const error = await failure(bad('binary.csv'));
    expect(error.code).toBe(FileSourceErrorCode.BinaryContent);
    expect(error.message).toMatch(/^line 1: NUL byte found/);
  });

  it('reads latin1.csv with Latin-1 detected and the accented characters intact', async () => {
    const { records, summary } = await readAll(bad('latin1.csv'));
    expect(summary.encoding).toBe('latin1');
    expect(summary.encodingSource).toBe('detected');
    expect(records.map((r) => r.values.city)).toEqual(['München', 'São Paulo']);
  });

  it('refuses latin1.csv declared as UTF-8, naming the line, instead of writing replacement characters', async () => {
    const error = await failure(bad('latin1.csv'), { encoding: 'utf-8' });
    expect(error.code).toBe(FileSourceErrorCode.InvalidEncoding);
    expect(error.line).toBe(2);
  });

  it('keeps the good row of ragged_rows.csv and quarantines the ragged ones with line and reason', async () => {
    const { records, quarantined, summary } = await readAll(bad('ragged_rows.csv'));
    expect(records).toEqual([{ line: 2, row: 1, values: { id: '1', name: 'ok', amount: '10.00' } }]);
    expect(quarantined).toEqual([
      { line: 3, row: 2, reason: 'too_few_fields', message: 'line 3: expected 3 fields, found 2', fields: ['2', 'missing amount'] },
      {
        line: 4,
        row: 3,
        reason: 'too_many_fields',
        message: 'line 4: expected 3 fields, found 5',
        fields: ['3', 'too', 'many', 'fields', 'here'],
      },
    ]);
    expect(summary).toMatchObject({ records: 1, quarantined: 2 });
  });
});

describe('CsvFileReader format', () => {
  it('computes the SHA-256 of the raw bytes', async () => {
    const bytes = readFileSync(`${DATA}/filesource/cost_reports.csv`);
    const { summary, records } = await readAll(fromBytes(bytes));
    expect(summary.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(summary.bytes).toBe(bytes.length);
    expect(records).toHaveLength(5);
  });

  it('strips a UTF-8 BOM from the first header name', async () => {
    const { summary, records } = await readAll(fromBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,Zoë\n')])));
    expect(summary).toMatchObject({ encoding: 'utf-8', encodingSource: 'bom', header: ['id', 'name'] });
    expect(records[0].values).toEqual({ id: '1', name: 'Zoë' });
  });

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    const text = 'id;city\n1;Zürich\n2;東京\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const { summary, records } = await readAll(fromBytes(bytes));
      expect(summary).toMatchObject({ encoding, encodingSource: 'bom', delimiter: ';' });
      expect(records.map((r) => r.values.city)).toEqual(['Zürich', '東京']);
    }
  });

  it('keeps a UTF-16 character whose bytes are split across chunks', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\n東\n', 'utf16le')]);
    const chunks = Array.from(bytes, (b) => Buffer.from([b]));
    const { records } = await readAll(Readable.from(chunks));
    expect(records[0].values.id).toBe('東');
  });

  it('detects Windows-1252 when bytes 0x80-0x9F appear (the euro sign)', async () => {
    const { summary, records } = await readAll(fromBytes(Buffer.from([...Buffer.from('id,price\n1,'), 0x80, 0x35, 0x0a])));
    expect(summary).toMatchObject({ encoding: 'windows-1252', encodingSource: 'detected' });
    expect(records[0].values.price).toBe('€5');
  });

  it('refuses invalid UTF-8 that appears after the sniffed sample, naming its line', async () => {
    const good = 'id,text\n' + Array.from({ length: 30_000 }, (_, i) => `${i},${'x'.repeat(40)}\n`).join('');
    const bytes = Buffer.concat([Buffer.from(good), Buffer.from([0x31, 0x2c, 0xfc, 0x0a])]);
    const error = await failure(Readable.from([bytes.subarray(0, 1 << 20), bytes.subarray(1 << 20)]));
    expect(error.code).toBe(FileSourceErrorCode.InvalidEncoding);
    expect(error.line).toBe(30_002);
  });

  it('refuses an unknown declared encoding', async () => {
    const error = await failure(fromBytes('a\n1\n'), { encoding: 'ebcdic' });
    expect(error.code).toBe(FileSourceErrorCode.UnsupportedEncoding);
  });

  it.each([
    ['semicolon with decimal commas', 'id;amount;note\n1;12,50;a\n2;3,10;b\n', ';'],
    ['tab', 'id\tname\n1\tx, y\n', '\t'],
    ['pipe', 'id|name|amount\n1|a|2.5\n', '|'],
    ['comma', 'id,name,note\n1,a,"x; y; z"\n', ','],
    ['single column', 'id\n1\n2\n', ','],
  ])('detects the %s delimiter', async (_, text, delimiter) => {
    const { summary, quarantined } = await readAll(fromBytes(text));
    expect(summary.delimiter).toBe(delimiter);
    expect(summary.delimiterSource).toBe('detected');
    expect(quarantined).toEqual([]);
  });

  it('uses a declared delimiter', async () => {
    const { records, summary } = await readAll(fromBytes('id;name\n1;a,b\n'), { delimiter: ';' });
    expect(summary.delimiterSource).toBe('declared');
    expect(records[0].values).toEqual({ id: '1', name: 'a,b' });
  });

  it('numbers records by the line they start on, across multi-line fields and blank lines', async () => {
    const { records } = await readAll(fromBytes('id,note\r\n1,"two\r\nlines"\n\n\n2,x\r\n3,y'));
    expect(records.map((r) => [r.line, r.row])).toEqual([
      [2, 1],
      [6, 2],
      [7, 3],
    ]);
    expect(records.map((r) => r.values.note)).toEqual(['two\r\nlines', 'x', 'y']);
  });

  it('refuses a stray quote after a closed quoted field', async () => {
    const error = await failure(fromBytes('id,name\n1,ok\n2,"bad"x\n'));
    expect(error.code).toBe(FileSourceErrorCode.MalformedQuote);
    expect(error.line).toBe(3);
  });

  it('refuses a header with a blank column name', async () => {
    const error = await failure(fromBytes('id,,amount\n1,2,3\n'));
    expect(error.code).toBe(FileSourceErrorCode.EmptyHeader);
    expect(error.message).toBe('line 1: header column 2 has no name');
  });

  it('refuses a file of blank lines as empty', async () => {
    const error = await failure(fromBytes('\n\n\r\n'));
    expect(error.code).toBe(FileSourceErrorCode.EmptyFile);
  });

  it('keeps a header named __proto__ as an ordinary column', async () => {
    const { records } = await readAll(fromBytes('__proto__,b\n1,2\n'));
    expect(Object.keys(records[0].values)).toEqual(['__proto__', 'b']);
    expect(records[0].values['__proto__']).toBe('1');
  });

  it('rejects a batch size below 1', () => {
    expect(() => new CsvFileReader(fromBytes('a\n'), { batchSize: 0 })).toThrow(FileSourceError);
  });

  it('wraps a failing source as a read error', async () => {
    const source = new Readable({ read: () => undefined });
    source.push('id\n1\n');
    setImmediate(() => source.destroy(new Error('connection reset')));
    const error = await failure(source);
    expect(error.code).toBe(FileSourceErrorCode.ReadFailed);
    expect(error.message).toContain('connection reset');
  });
});

describe('CsvFileReader streaming', () => {
  const ROWS = 200_000;
  const PAD = 'p'.repeat(64);
  const rowText = (i: number) => `${i},name-${i},${(i % 1000) / 100},${PAD}\n`;
  const HEADER = 'id,name,amount,pad\n';

  /** Generates the file lazily and counts how many bytes the reader has pulled. */
  function generated() {
    const state = { pulled: 0 };
    async function* chunks() {
      const head = Buffer.from(HEADER);
      state.pulled += head.length;
      yield head;
      for (let start = 0; start < ROWS; start += 100) {
        let text = '';
        for (let i = start; i < start + 100; i++) text += rowText(i);
        const chunk = Buffer.from(text);
        state.pulled += chunk.length;
        yield chunk;
      }
    }
    return { stream: Readable.from(chunks(), { objectMode: false }), state };
  }

  function expectedChecksum(): string {
    const hash = createHash('sha256').update(HEADER);
    for (let i = 0; i < ROWS; i++) hash.update(rowText(i));
    return hash.digest('hex');
  }

  it('yields 200k rows in batches of 5,000 with line numbers, a stable checksum and bounded read-ahead', async () => {
    const { stream, state } = generated();
    const reader = new CsvFileReader(stream, { batchSize: 5000 });
    const rowBytes = Buffer.byteLength(rowText(100_000));
    let seen = 0;
    let batches = 0;
    let maxReadAhead = 0;
    for await (const batch of reader) {
      batches++;
      expect(batch.records).toHaveLength(5000);
      for (const record of batch.records) {
        seen++;
        if (record.row !== seen || record.line !== seen + 1 || record.values.id !== String(seen - 1)) {
          throw new Error(`row ${seen} came back as ${JSON.stringify(record)}`);
        }
      }
      // Bytes pulled beyond what the caller has received: bounded by the sniff sample and
      // stream buffers, not by the file size (~18 MB), so the file is never held in memory.
      maxReadAhead = Math.max(maxReadAhead, state.pulled - seen * rowBytes);
    }
    expect(seen).toBe(ROWS);
    expect(batches).toBe(40);
    expect(maxReadAhead).toBeLessThan(3 * 1024 * 1024);
    expect(reader.summary().checksum).toBe(expectedChecksum());
  }, 60_000);

  it('stops pulling the source when the caller stops early', async () => {
    const { stream, state } = generated();
    for await (const batch of new CsvFileReader(stream, { batchSize: 5000 })) {
      expect(batch.records[0].line).toBe(2);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.destroyed).toBe(true);
    expect(state.pulled).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('CsvFileReader parsing, compared with csv-parse', () => {
  /** Splits text into chunks of 1..7 bytes, so records, quotes and CRLFs straddle chunk ends. */
  const chunked = (text: string) => {
    const bytes = Buffer.from(text);
    const chunks: Buffer[] = [];
    for (let i = 0, n = 1; i < bytes.length; i += n, n = (n % 7) + 1) chunks.push(bytes.subarray(i, i + n));
    return Readable.from(chunks);
  };

  it.each([
    ['plain', 'a,b,c\n1,2,3\n4,5,6\n'],
    ['no final line end', 'a,b\n1,2\n3,4'],
    ['CRLF and CR', 'a,b\r\n1,2\r3,4\r\n5,6'],
    ['quoted fields', 'a,b\n"x, y","say ""hi"""\n"",""\n"multi\nline\r\nfield",z\n'],
    ['empty fields and blank lines', 'a,b,c\n\n,,\n\r\n1,,\n,2,\n\n'],
    ['ragged rows', 'a,b\n1\n1,2,3\n"q",\n'],
    ['unicode', 'città,名前\nMünchen,東京\n"😀,x",y\n'],
    ['trailing delimiter', 'a,b\n1,\n2,'],
  ])('reads %s as csv-parse does, whatever the chunking', async (_, text) => {
    const { parse } = await import('csv-parse/sync');
    const expected = parse(text, { relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
    const [header, ...rows] = expected;
    for (const source of [fromBytes(text), chunked(text)]) {
      const { records, quarantined, summary } = await readAll(source, { delimiter: ',' });
      expect(summary.header).toEqual(header);
      const all = [...records.map((r) => ({ row: r.row, fields: Object.values(r.values) })), ...quarantined.map((q) => ({ row: q.row, fields: q.fields }))];
      expect(all.sort((a, b) => a.row - b.row).map((r) => r.fields)).toEqual(rows);
    }
  });

  it('refuses a quote inside an unquoted field, naming the line', async () => {
    const error = await failure(fromBytes('a,b\n1,2\n3,x"y\n'));
    expect(error.code).toBe(FileSourceErrorCode.MalformedCsv);
    expect(error.line).toBe(3);
  });

  it('refuses an unclosed quote split across chunks at the line it opens on', async () => {
    const error = await failure(chunked('a,b\n1,2\n3,"open\nstill open\n'));
    expect(error.code).toBe(FileSourceErrorCode.UnclosedQuote);
    expect(error.line).toBe(3);
  });
});
